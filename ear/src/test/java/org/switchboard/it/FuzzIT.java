package org.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.it.Platform.TestAccount;

/**
 * Malformed input over every endpoint, from a fixed seed: each request must be answered below 500, and no answer may
 * show the server's insides (a stack trace, SQL, the server's name and version, an HTML error page).
 */
@ExtendWith(ArquillianExtension.class)
class FuzzIT {

    private static final long SEED = 20261123L;
    private static final int REQUESTS = 3_000;
    private static final Pattern INSIDES = Pattern.compile(
            "Exception|\\bat (org|java|com|jakarta|sun)\\.|SQL|Payara Server|<html|<!DOCTYPE|GlassFish|HSEARCH"
                    + "|Was expecting|Jersey|wadl|\\bjava\\.[a-z]+\\.|\"stack\"",
            Pattern.CASE_INSENSITIVE);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static TestAccount account;
    private static String conversation;
    private static String channel;
    private static String httpApi;
    private static String httpApiBasic;
    private static String bulk;
    private static String group;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Platform.ear();
    }

    @BeforeAll
    static void setUp() {
        account = Platform.account("fuzz");
        conversation = account.createConversation(
                "{\"type\":\"jsbox\",\"name\":\"fuzz\",\"javascript\":\"api.on_inbound_message=function(){api.done()}\"}");
        channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"9999\",\"conversation_id\":\""
                + conversation + "\"}");
        jakarta.json.JsonObject api = Platform.request("POST", "/api/admin/accounts/" + account.id()
                + "/conversations", Platform.ADMIN, "{\"type\":\"http_api\",\"name\":\"fuzz api\"}").json();
        httpApi = api.getString("id");
        account.createChannel("{\"vendor\":\"fake\",\"address\":\"9998\",\"conversation_id\":\"" + httpApi + "\"}");
        bulk = account.createConversation("{\"type\":\"bulk_message\",\"name\":\"fuzz bulk\"}");
        account.createChannel("{\"vendor\":\"fake\",\"address\":\"9997\",\"conversation_id\":\"" + bulk + "\"}");
        group = CampaignsIT.group(account, "fuzz");
        CampaignsIT.addContact(account, "+27831234567", List.of(group));
        String key = new String(java.util.Base64.getDecoder().decode(account.basic().substring(6)),
                java.nio.charset.StandardCharsets.UTF_8).split(":")[0];
        httpApiBasic = "Basic " + java.util.Base64.getEncoder().encodeToString((key + ":" + api.getString("api_token"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * An endpoint: method, path (with {a} for the account, {c} the conversation, {ch} the channel, {hc} an http_api
     * conversation, {b} a bulk_message conversation), who may call (true: the operator, false: the account, null: the http_api conversation).
     */
    private record Endpoint(String method, String path, Boolean operator, String validBody) {
    }

    private static List<Endpoint> endpoints() {
        String message = "{\"to\":\"+27831234567\",\"content\":\"hi\"}";
        return List.of(
                new Endpoint("POST", "/channels/{ch}/messages", false, message),
                new Endpoint("GET", "/channels/{ch}/messages/{x}", false, null),
                new Endpoint("POST", "/api/contacts", false, "{\"msisdn\":\"+27831234567\",\"name\":\"A\"}"),
                new Endpoint("GET", "/api/contacts/search?query={q}&max_keys={n}", false, null),
                new Endpoint("POST", "/api/fake/channels/{ch}/inbound", false,
                        "{\"from\":\"+27831\",\"content\":\"x\"}"),
                new Endpoint("GET", "/api/fake/channels/{ch}/outbox", false, null),
                new Endpoint("POST", "/api/admin/accounts", true, "{\"name\":\"n\"}"),
                new Endpoint("PATCH", "/api/admin/accounts/{a}", true, "{\"can_manage_optouts\":true}"),
                new Endpoint("GET", "/api/admin/accounts/{a}/metrics/{x}/{x}?hours={n}", true, null),
                new Endpoint("POST", "/api/admin/accounts/{a}/conversations", true,
                        "{\"type\":\"jsbox\",\"name\":\"n\",\"javascript\":\"//\"}"),
                new Endpoint("GET", "/api/admin/accounts/{a}/conversations/{c}", true, null),
                new Endpoint("PUT", "/api/admin/accounts/{a}/conversations/{c}", true, "{\"name\":\"n\"}"),
                new Endpoint("PUT", "/api/admin/accounts/{a}/conversations/{c}/config", true, "{\"config\":{}}"),
                new Endpoint("PUT", "/api/admin/accounts/{a}/conversations/{c}/bundle?main={x}", true, "PK"),
                new Endpoint("GET", "/api/admin/accounts/{a}/conversations/{c}/logs?n={n}", true, null),
                new Endpoint("POST", "/api/admin/accounts/{a}/channels", true,
                        "{\"vendor\":\"fake\",\"address\":\"1\",\"transport_type\":\"sms\"}"),
                new Endpoint("PUT", "/api/admin/accounts/{a}/channels/{ch}", true, "{\"conversation_id\":null}"),
                new Endpoint("PUT", "/api/v1/go/http_api_nostream/{hc}/messages.json", null,
                        "{\"to_addr\":\"+27831234567\",\"content\":\"x\"}"),
                new Endpoint("PUT", "/api/v1/go/http_api_nostream/{hc}/metrics.json", null, "[[\"m\",1,\"sum\"]]"),
                new Endpoint("PUT", "/api/v1/go/optouts/{x}/{x}", false, null),
                new Endpoint("GET", "/api/v1/go/optouts/{x}/{x}", false, null),
                new Endpoint("PATCH", "/api/admin/accounts/{a}", true, "{\"disable_optouts\":false}"),
                new Endpoint("POST", "/api/admin/accounts/{a}/conversations", true,
                        "{\"type\":\"junebug\",\"name\":\"n\",\"config\":{\"allow_expired_replies\":true}}"),
                new Endpoint("POST", "/channels/", false, "{\"type\":\"fake\",\"config\":{\"address\":\"1\"},"
                        + "\"mo_url\":\"http://127.0.0.1:9/mo\",\"character_limit\":160}"),
                new Endpoint("POST", "/channels/{ch}", false, "{\"label\":\"l\",\"metadata\":{}}"),
                new Endpoint("GET", "/channels/{ch}/logs?n={n}", false, null),
                // the update paths, which check what creating checks
                new Endpoint("PATCH", "/api/admin/accounts/{a}/channels/{ch}", true,
                        "{\"rate_per_second\":5,\"max_in_flight\":10,\"settings\":{}}"),
                new Endpoint("PUT", "/api/admin/accounts/{a}/channels/{ch}", true,
                        "{\"conversation_id\":null,\"endpoint\":\"default\"}"),
                new Endpoint("POST", "/channels/{ch}", false, "{\"label\":\"l\",\"character_limit\":160,"
                        + "\"mo_url\":\"http://127.0.0.1:9/mo\",\"config\":{\"address\":\"9999\"}}"),
                new Endpoint("PUT", "/api/admin/accounts/{a}/conversations/{c}", true,
                        "{\"name\":\"n\",\"config\":{\"config\":{}}}"),
                new Endpoint("PUT", "/api/admin/accounts/{a}/conversations/{c}/javascript", true, "//"),
                new Endpoint("PUT", "/api/admin/accounts/{a}/vendors/twilio", true,
                        "{\"account_sid\":\"AC1\",\"auth_token\":\"t\"}"),
                // campaigns: the ready-made apps' configs and bulk sends
                new Endpoint("POST", "/api/admin/accounts/{a}/conversations", true,
                        "{\"type\":\"subscription\",\"name\":\"n\",\"config\":{\"handlers\":[{\"keyword\":\"a\","
                                + "\"operation\":\"subscribe\",\"campaign_name\":\"c\",\"reply_copy\":\"r\"}]}}"),
                new Endpoint("POST", "/api/admin/accounts/{a}/conversations", true,
                        "{\"type\":\"sequential_send\",\"name\":\"n\",\"config\":{\"schedule\":{\"recurring\":"
                                + "\"day_of_week\",\"days\":\"1,3\",\"time\":\"09:00:00\"},\"messages\":[\"a\"]}}"),
                new Endpoint("PUT", "/api/admin/accounts/{a}/conversations/{b}/config", true,
                        "{\"config\":{\"groups\":[\"" + group + "\"],\"delivery_class\":\"sms\",\"dedupe\":true}}"),
                new Endpoint("POST", "/api/admin/accounts/{a}/conversations/{b}/bulk_sends/preview", true,
                        "{\"message\":\"hi\",\"group_keys\":[\"" + group + "\"],\"dedupe\":true}"),
                new Endpoint("POST", "/api/admin/accounts/{a}/conversations/{b}/bulk_sends", true,
                        "{\"message\":\"hi\",\"group_keys\":[\"" + group + "\"],\"confirm\":true,"
                                + "\"scheduled_for\":\"2030-01-01T00:00:00Z\"}"),
                new Endpoint("GET", "/api/admin/accounts/{a}/conversations/{b}/bulk_sends?limit={n}", true, null),
                new Endpoint("GET", "/api/admin/accounts/{a}/conversations/{b}/bulk_sends/{x}", true, null),
                new Endpoint("POST", "/api/admin/accounts/{a}/conversations/{b}/bulk_sends/{x}/cancel", true, null),
                new Endpoint("POST", "/api/admin/accounts/{a}/contact_imports?file_name={x}", true,
                        "name,msisdn\nJo,+27761234567\n"),
                new Endpoint("POST", "/api/admin/accounts/{a}/contact_imports/{x}/start", true,
                        "{\"mapping\":[{\"column\":1,\"field\":\"msisdn\",\"normalize\":\"msisdn\"}],"
                                + "\"country\":\"ZA\",\"mode\":\"new\",\"check_only\":true}"),
                new Endpoint("GET", "/api/admin/accounts/{a}/contact_imports/{x}/errors?offset={n}&limit={n}", true,
                        null),
                new Endpoint("POST", "/api/admin/accounts/{a}/exports", true,
                        "{\"kind\":\"contacts\",\"format\":\"jsonl\",\"query\":\"name:A*\"}"),
                new Endpoint("POST", "/api/admin/accounts/{a}/exports", true,
                        "{\"kind\":\"events\",\"conversation_id\":\"" + conversation + "\",\"start\":\"2026-01-01\"}"),
                new Endpoint("GET", "/api/admin/accounts/{a}/exports/{x}/file", true, null),
                new Endpoint("GET", "/api/admin/accounts/{a}/conversations/{c}/aggregates.csv?direction={x}", true,
                        null),
                // routers and the routing table
                new Endpoint("POST", "/api/admin/accounts/{a}/routers", true,
                        "{\"type\":\"app_multiplexer\",\"name\":\"m\",\"config\":{\"menu_title\":{\"content\":"
                                + "\"Pick\"},\"entries\":[{\"label\":\"A\",\"endpoint\":\"a\"}]}}"),
                new Endpoint("POST", "/api/admin/accounts/{a}/routers", true,
                        "{\"type\":\"keyword\",\"name\":\"k\",\"config\":{\"keyword_endpoint_mapping\":"
                                + "{\"quiz\":\"quiz\"}}}"),
                new Endpoint("PUT", "/api/admin/accounts/{a}/routers/{x}", true,
                        "{\"name\":\"n\",\"config\":{\"rules\":[{\"group\":\"" + group + "\",\"endpoint\":\"e\"}]}}"),
                new Endpoint("PUT", "/api/admin/accounts/{a}/routing_table", true,
                        "{\"routing_table\":{\"CHANNEL:" + channel + "\":{\"default\":[\"CONVERSATION:" + conversation
                                + "\",\"default\"]},\"ROUTER:r:OUTBOUND\":{\"e\":[\"ROUTER:s:INBOUND\",\"default\"]}}}"),
                new Endpoint("GET", "/api/admin/accounts/{a}/routing_table", true, null),
                new Endpoint("GET", "/api/admin/accounts/{a}/conversations/{c}/counts?bucket={x}&start={x}", true,
                        null),
                new Endpoint("GET", "/api/admin/accounts/{a}/counts?start={x}&end={x}", true, null),
                new Endpoint("OPTIONS", "/channels/{ch}/messages", false, null),
                new Endpoint("GET", "/WEB-INF/{x}", false, null));
    }

    @Test
    void malformedInputGetsAClientErrorAndNoInsides() {
        Random random = new Random(SEED);
        List<Endpoint> endpoints = endpoints();
        List<String> problems = new ArrayList<>();
        int[] byClass = new int[6];
        for (int i = 0; i < REQUESTS; i++) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            String path = endpoint.path()
                    .replace("{a}", random.nextInt(10) == 0 ? garbageSegment(random) : account.id())
                    .replace("{c}", random.nextInt(10) == 0 ? garbageSegment(random) : conversation)
                    .replace("{ch}", random.nextInt(10) == 0 ? garbageSegment(random) : channel)
                    .replace("{hc}", random.nextInt(10) == 0 ? garbageSegment(random) : httpApi)
                    .replace("{b}", random.nextInt(10) == 0 ? garbageSegment(random) : bulk)
                    .replace("{x}", garbageSegment(random))
                    .replace("{q}", encode(pick(random, "name:/[/", "name:\"x", "*", "extras-a:(", "AND OR",
                            "name:" + "a".repeat(3000), "groups:x", "(((((", "name:a~2~", "")))
                    .replace("{n}", pick(random, "x", "-1", "0", "99999999999999999999", "1.5", "", "%00", "10"));
            String contentType = pick(random, "application/json", "application/json; charset=bogus",
                    "text/plain", "application/json; charset=utf-16", "application/x-www-form-urlencoded",
                    "application/zip", "");
            // no body with GET or OPTIONS (an OPTIONS with 70 kB it never reads keeps the client sending until it
            // times out: Jersey answers OPTIONS itself, before anything reads the body)
            byte[] body = endpoint.method().equals("GET") || endpoint.method().equals("OPTIONS")
                    ? null
                    : body(random, endpoint.validBody());
            String authorization = endpoint.operator() == null
                    ? httpApiBasic
                    : endpoint.operator() ? Platform.ADMIN : account.basic();
            Answer answer = send(endpoint.method(), path, contentType, authorization, body);
            if (answer.status >= 0) {
                byClass[answer.status / 100]++;
            }
            if (answer.status >= 500 || answer.status < 0 || INSIDES.matcher(answer.body).find()) {
                problems.add(endpoint.method() + " " + path + " [" + contentType + "] "
                        + (body == null ? "" : abbreviate(new String(body, StandardCharsets.UTF_8))) + " -> "
                        + answer.status + " " + abbreviate(answer.body));
            }
        }
        System.out.printf("fuzz: %d requests, 2xx %d, 3xx %d, 4xx %d, 5xx %d%n", REQUESTS, byClass[2], byClass[3],
                byClass[4], byClass[5]);
        assertTrue(problems.isEmpty(), problems.size() + " answers were 5xx or showed the server's insides, e.g.:\n"
                + String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
    }

    /**
     * What creating refuses, changing refuses too, and the thing keeps what it had: a name, an endpoint, a label
     * longer than their columns; settings larger than they may be.
     */
    @Test
    void updatesCheckWhatCreatesCheck() {
        String longer = "x".repeat(300);
        String base = "/api/admin/accounts/" + account.id();
        Platform.Answer renamed = Platform.request("PUT", base + "/conversations/" + conversation, Platform.ADMIN,
                "{\"name\":\"" + longer + "\"}");
        assertEquals(400, renamed.status(), renamed.body());
        assertEquals("fuzz", Platform.request("GET", base + "/conversations/" + conversation, Platform.ADMIN, null)
                .json().getString("name"));
        Platform.Answer bound = Platform.request("PUT", base + "/channels/" + channel, Platform.ADMIN,
                "{\"conversation_id\":\"" + conversation + "\",\"endpoint\":\"" + longer + "\"}");
        assertEquals(400, bound.status(), bound.body());
        Platform.Answer labelled = account.post("/channels/" + channel, "{\"label\":\"" + longer + "\"}");
        assertEquals(400, labelled.status(), labelled.body());
        Platform.Answer fed = Platform.request("PATCH", base + "/channels/" + channel, Platform.ADMIN,
                "{\"settings\":{\"a\":\"" + "y".repeat(7_000) + "\"}}");
        assertEquals(400, fed.status(), fed.body());
        jakarta.json.JsonObject kept = account.get("/channels/" + channel).json().getJsonObject("result");
        assertTrue(!kept.containsKey("label") || kept.isNull("label") || kept.getString("label").length() < 300,
                kept.toString());
        // the channel still takes messages on its conversation
        assertEquals(201, account.post("/api/fake/channels/" + channel + "/inbound",
                "{\"from\":\"+27830000001\",\"content\":\"still here\"}").status());
    }

    /**
     * Wrong credentials are slowed down: past ten a minute for one account key from one client they are answered
     * 429 with Retry-After, unchecked; the owner's credentials, accepted before, still work from the same client.
     */
    @Test
    void wrongCredentialsAreSlowedDownAndTheOwnerIsNot() {
        TestAccount target = Platform.account("throttled");
        String path = "/api/fake/channels/none/outbox";
        assertEquals(404, send("GET", path, "", target.basic(), null).status(), "the owner is known");
        String key = new String(java.util.Base64.getDecoder().decode(target.basic().substring(6)),
                StandardCharsets.UTF_8).split(":")[0];
        int refused = 0;
        int slowed = 0;
        Answer last = null;
        for (int i = 0; i < 20; i++) {
            last = send("GET", path, "", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (key + ":wrong" + i).getBytes(StandardCharsets.UTF_8)), null);
            if (last.status() == 401) {
                refused++;
            } else if (last.status() == 429) {
                slowed++;
            }
        }
        // ten a minute are checked and refused, and the eleventh, which starts a wait of a second (then two...)
        assertTrue(refused >= 11 && refused <= 12, refused + " were checked");
        assertEquals(20, refused + slowed, "the rest waited: " + last.body());
        assertTrue(last.body().contains("try again in"), last.body());
        assertTrue(last.retryAfter() != null && Long.parseLong(last.retryAfter()) >= 1, String.valueOf(last));
        assertEquals(404, send("GET", path, "", target.basic(), null).status(),
                "the owner's credentials are checked at once");
    }

    /** What the servlet container and Jersey answer themselves names neither them nor their versions. */
    @Test
    void theServersOwnAnswersShowNoInsides() {
        for (String[] request : new String[][]{{"GET", "/WEB-INF/web.xml"}, {"GET", "/META-INF/MANIFEST.MF"},
                {"OPTIONS", "/channels/"}, {"OPTIONS", "/api/admin/accounts"}, {"GET", "/nothing/here.jsp"}}) {
            Answer answer = send(request[0], request[1], "", account.basic(), null);
            assertTrue(answer.status() < 500, request[1] + " -> " + answer.status() + " " + answer.body());
            assertTrue(!INSIDES.matcher(answer.body()).find(), request[0] + " " + request[1] + " -> "
                    + answer.body());
        }
        Answer hidden = send("GET", "/WEB-INF/web.xml", "", account.basic(), null);
        assertEquals(404, hidden.status(), hidden.body());
        assertTrue(hidden.body().startsWith("{\"error\""), hidden.body());
    }

    private static byte[] body(Random random, String valid) {
        String text = switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> "[".repeat(1_500) + "]".repeat(1_500);
            case 3 -> "{\"a\":".repeat(1_200) + "1" + "}".repeat(1_200);
            case 4 -> "null";
            case 5 -> "[1,2,3]";
            case 6 -> "\"just a string\"";
            case 7 -> mutate(random, valid);
            case 8 -> mutate(random, valid);
            case 9 -> mutate(random, valid);
            case 10 -> "{\"" + "k".repeat(random.nextInt(3) == 0 ? 70_000 : 300) + "\": 1}";
            default -> randomText(random, 1 + random.nextInt(200));
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The valid body with one field's value replaced by something of another kind or size. */
    private static String mutate(Random random, String valid) {
        if (valid == null || !valid.startsWith("{")) {
            return valid == null ? "{}" : valid + randomText(random, 5);
        }
        String[] values = {"null", "1", "-1", "1e400", "true", "[]", "{}", "\"\"", "\"" + "x".repeat(256) + "\"",
                "\"" + "x".repeat(70_000) + "\"", "\"\\u0000\"", "\"" + randomText(random, 20).replace("\\", "")
                        .replace("\"", "") + "\"",
                "\"http://127.0.0.1:20048/\"", "\"gopher://x\"", "[[[[]]]]",
                "{\"nested\":{\"deeper\":[1,{\"x\":null}]}}"};
        String value = values[random.nextInt(values.length)];
        String[] fields = {"to", "content", "from", "name", "msisdn", "vendor", "address", "transport_type",
                "conversation_id", "event_url", "event_auth_token", "type", "javascript", "config", "session_event",
                "can_manage_optouts", "reply_to", "channel_data", "priority", "mo_message_url", "endpoint", "extra",
                "groups", "bundle", "main", "from_addr", "surname", "email_address", "label", "metadata",
                "character_limit", "rate_per_second", "max_in_flight", "settings", "mo_url", "api_base_url",
                "account_sid"};
        String field = fields[random.nextInt(fields.length)];
        String stripped = valid.substring(1, valid.length() - 1);
        return "{" + (stripped.isEmpty() ? "" : stripped + ",") + "\"" + field + "\":" + value + "}";
    }

    private static String garbageSegment(Random random) {
        // no %00 in a path: Payara's HTTP layer answers it with a bare 400 and then lets the next request on that
        // kept-alive connection hang, before any of Switchboard's code runs (a NUL in a query parameter is sent below)
        return pick(random, "x", "%20", "..", "%2e%2e", "null", "0", "a".repeat(300), "%01", "%ff%fe", "'",
                "%C3%A4", "-1", "%7B%7D");
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000)));
        }
        return text.toString();
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private record Answer(int status, String body, String retryAfter) {

        Answer(int status, String body) {
            this(status, body, null);
        }
    }

    private static Answer send(String method, String path, String contentType, String authorization, byte[] body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.BASE + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization)
                    .method(method, body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (!contentType.isEmpty()) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IllegalArgumentException e) {
            return new Answer(400, "the client refused to send it: " + e.getMessage());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
