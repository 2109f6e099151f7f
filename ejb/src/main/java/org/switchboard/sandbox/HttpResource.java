package org.switchboard.sandbox;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.switchboard.sandbox.api.SandboxHost.UnknownCommandException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.net.AddressGuard;

/**
 * The {@code http} resource: {@code get}, {@code head}, {@code post}, {@code put}, {@code delete} and {@code patch}
 * with {@code headers} ({@code {name: [values]}}), {@code data}, base64 {@code files} (sent as multipart/form-data)
 * and {@code verify_options}; the reply has {@code code} and {@code body}. Redirects are answered, not followed, as
 * Vumi's agent did. Apps reach only public addresses unless an operator allows a network.
 */
@ApplicationScoped
public class HttpResource implements SandboxResource {

    private static final Set<String> METHODS = Set.of("get", "head", "post", "put", "delete", "patch");
    private static final Set<String> VERIFY_OPTIONS = Set.of("VERIFY_NONE", "VERIFY_PEER", "VERIFY_CLIENT_ONCE",
            "VERIFY_FAIL_IF_NO_PEER_CERT");
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^\";]+)", Pattern.CASE_INSENSITIVE);

    @Inject
    @ConfigProperty(name = "switchboard.sandbox.http.timeout-seconds", defaultValue = "10")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "switchboard.sandbox.http.max-response-bytes", defaultValue = "131072")
    int maxResponseBytes;

    /** Private, loopback or link-local networks (CIDR, comma separated) that apps may reach all the same. */
    @Inject
    @ConfigProperty(name = "switchboard.sandbox.http.allowed-networks")
    Optional<String> allowedNetworks;

    private AddressGuard guard;
    private HttpClient verifying;
    private HttpClient trusting;

    @PostConstruct
    void setUp() {
        guard = new AddressGuard("switchboard.sandbox.http.allowed-networks", allowedNetworks.orElse(""));
        verifying = client(null);
        trusting = client(trustingContext());
    }

    private HttpClient client(SSLContext ssl) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(timeoutSeconds));
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        return builder.build();
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public JsonObject handle(String command, JsonObject fields, AppScope app) throws UnknownCommandException {
        if (!METHODS.contains(command)) {
            throw SandboxResource.unknown(name(), command);
        }
        URI uri = target(SandboxResource.required(fields, "url"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(timeoutSeconds));
        headers(fields.get("headers"), request);
        request.method(command.toUpperCase(Locale.ROOT), body(fields, request));
        HttpClient client = verify(fields.get("verify_options")) ? verifying : trusting;
        try {
            HttpResponse<InputStream> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            String body = read(response);
            return SandboxResource.success().add("code", response.statusCode()).add("body", body).build();
        } catch (HttpTimeoutException e) {
            throw new IllegalArgumentException("No answer from " + uri.getHost() + " within " + timeoutSeconds + " s");
        } catch (IOException e) {
            throw new IllegalArgumentException("Request to " + uri.getHost() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("Request to " + uri.getHost() + " was interrupted");
        }
    }

    /** The URL, if it is http(s) to a host whose every address the app may reach. */
    private URI target(String url) {
        return guard.check(url);
    }

    private static void headers(JsonValue headers, HttpRequest.Builder request) {
        if (headers == null || headers == JsonValue.NULL) {
            return;
        }
        if (!(headers instanceof JsonObject byName)) {
            throw new IllegalArgumentException("headers must be an object of header names to lists of values");
        }
        byName.forEach((name, values) -> {
            List<JsonValue> list = values instanceof JsonArray array ? array : List.of(values);
            for (JsonValue value : list) {
                if (!(value instanceof JsonString text)) {
                    throw new IllegalArgumentException("The values of header '" + name + "' must be strings");
                }
                request.header(name, text.getString());
            }
        });
    }

    private static HttpRequest.BodyPublisher body(JsonObject fields, HttpRequest.Builder request) {
        JsonValue files = fields.get("files");
        if (files != null && files != JsonValue.NULL) {
            if (!(files instanceof JsonObject byField)) {
                throw new IllegalArgumentException("files must be an object of field names to"
                        + " {file_name, content_type, data}");
            }
            String boundary = UUID.randomUUID().toString().replace("-", "");
            request.setHeader("Content-Type", "multipart/form-data; boundary=" + boundary);
            return BodyPublishers.ofByteArray(multipart(byField, boundary));
        }
        JsonValue data = fields.get("data");
        if (data == null || data == JsonValue.NULL) {
            return BodyPublishers.noBody();
        }
        if (!(data instanceof JsonString text)) {
            throw new IllegalArgumentException("data must be a string");
        }
        return BodyPublishers.ofString(text.getString());
    }

    private static byte[] multipart(JsonObject files, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.forEach((field, value) -> {
            if (!(value instanceof JsonObject file) || !(file.get("data") instanceof JsonString data)) {
                throw new IllegalArgumentException("File '" + field + "' needs {file_name, content_type, data}");
            }
            byte[] content;
            try {
                content = Base64.getDecoder().decode(data.getString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The data of file '" + field + "' is not base64");
            }
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(field)
                    + "\"; filename=\"" + quoted(file.getString("file_name", field)) + "\"\r\nContent-Type: "
                    + file.getString("content_type", "application/octet-stream").replaceAll("[\r\n]", "")
                    + "\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String quoted(String text) {
        return text.replaceAll("[\r\n\"]", "_");
    }

    /** Whether to verify the server's certificate: yes unless {@code verify_options} has VERIFY_NONE. */
    private static boolean verify(JsonValue options) {
        if (options == null || options == JsonValue.NULL) {
            return true;
        }
        if (!(options instanceof JsonArray list)) {
            throw new IllegalArgumentException("verify_options must be a list of " + VERIFY_OPTIONS);
        }
        boolean none = false;
        for (JsonValue option : list) {
            if (!(option instanceof JsonString text) || !VERIFY_OPTIONS.contains(text.getString())) {
                throw new IllegalArgumentException("Unknown verify option " + option + "; one of " + VERIFY_OPTIONS);
            }
            none |= text.getString().equals("VERIFY_NONE");
        }
        return !none;
    }

    private String read(HttpResponse<InputStream> response) throws IOException {
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(maxResponseBytes + 1);
            if (body.length > maxResponseBytes) {
                throw new IllegalArgumentException("The response body is larger than " + maxResponseBytes
                        + " bytes (switchboard.sandbox.http.max-response-bytes)");
            }
            Charset charset = StandardCharsets.UTF_8;
            Matcher declared = CHARSET.matcher(response.headers().firstValue("Content-Type").orElse(""));
            if (declared.find() && Charset.isSupported(declared.group(1))) {
                charset = Charset.forName(declared.group(1));
            }
            return new String(body, charset);
        }
    }

    /** For VERIFY_NONE: takes any certificate for any host name, as Vumi's agent did with that option. */
    private static SSLContext trustingContext() {
        TrustManager trustAll = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{trustAll}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No TLS context", e);
        }
    }
}
