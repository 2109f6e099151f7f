package org.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** Talks to the platform under test from outside, over HTTP, as its users do. */
final class Platform {

    static final String BASE = "http://127.0.0.1:" + System.getProperty("it.http.port", "20080");
    static final String ADMIN = "Bearer " + System.getProperty("it.admin.token", "it-admin-token-for-the-tests");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A plain HTTP answer: status and body. */
    record Answer(int status, String body) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        jakarta.json.JsonArray jsonArray() {
            return Json.createReader(new StringReader(body)).readArray();
        }
    }

    /** The EAR the build made, deployed under the name the adapter names rely on. */
    static EnterpriseArchive ear() {
        return ShrinkWrap.create(ZipImporter.class, "switchboard.ear")
                .importFrom(new File(System.getProperty("it.ear", "target/switchboard.ear")))
                .as(EnterpriseArchive.class);
    }

    static Answer request(String method, String path, String authorization, String body) {
        return requestAt(BASE, method, path, authorization, body);
    }

    /** A request to another base than the suite's: one instance of several, say. */
    static Answer requestAt(String base, String method, String path, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An account of its own for a test class, with its credentials as a Basic authorization header. */
    record TestAccount(String id, String basic) {
        String createConversation(String json) {
            return created(request("POST", "/api/admin/accounts/" + id + "/conversations", ADMIN, json));
        }

        String createChannel(String json) {
            return created(request("POST", "/api/admin/accounts/" + id + "/channels", ADMIN, json));
        }

        Answer get(String path) {
            return request("GET", path, basic, null);
        }

        Answer post(String path, String body) {
            return request("POST", path, basic, body);
        }

        Answer delete(String path) {
            return request("DELETE", path, basic, null);
        }
    }

    static TestAccount account(String name) {
        JsonObject account = request("POST", "/api/admin/accounts", ADMIN, "{\"name\":\"" + name + "\"}").json();
        String credentials = account.getString("account_key") + ":" + account.getString("api_token");
        return new TestAccount(account.getString("id"),
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private static String created(Answer answer) {
        if (answer.status() != 201) {
            throw new AssertionError("Expected 201, got " + answer);
        }
        return answer.json().getString("id");
    }

    /** Polls until the condition holds on what the supplier returns, or fails after the timeout. */
    static <T> T eventually(Duration timeout, java.util.function.Supplier<T> supplier, Predicate<T> condition,
            String what) {
        long end = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < end) {
            last = supplier.get();
            if (condition.test(last)) {
                return last;
            }
            sleep(250);
        }
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what + "; last: " + last);
    }

    /** Whether the fake vendor's outbox on the channel has a message satisfying the condition. */
    static boolean outboxHas(TestAccount account, String channel, Predicate<JsonObject> condition) {
        Answer answer = account.get("/api/fake/channels/" + channel + "/outbox");
        return answer.status() == 200 && answer.json().getJsonArray("messages").stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(condition);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** JSON string literal of a text, for building request bodies. */
    static String quote(String text) {
        return Json.createValue(text).toString();
    }

    /** The toolkit package zipped as an app bundle: its lib, its examples and its package.json. */
    static byte[] toolkitBundle() throws IOException {
        // the package as the build fetched it for the sandbox adapter (from ear/ in tests, the root in the benchmark)
        Path toolkit = Stream.of("..", ".")
                .map(root -> Path.of(root, "sandbox-rar", "adapter", "target", "npm", "org", "switchboard", "sandbox",
                        "modules", "node_modules", "vumigo_v02"))
                .filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new IllegalStateException("Build the sandbox adapter first: no vumigo_v02 package"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(toolkit)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = toolkit.relativize(file).toString().replace('\\', '/');
                if (name.startsWith("lib/") || name.startsWith("examples/") || name.equals("package.json")) {
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    private Platform() {
    }
}
