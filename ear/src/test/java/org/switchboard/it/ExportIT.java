package org.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.it.Platform.Answer;
import org.switchboard.it.Platform.TestAccount;

/**
 * A campaign's whole path and its exports: 5,000 contacts imported from a CSV into a group, a bulk send to the
 * group, then the contacts (all, the group, a search) and the send's messages and events exported as CSV and JSON
 * lines, each downloaded whole; the per-day aggregates; what cannot be exported refused.
 */
@ExtendWith(ArquillianExtension.class)
class ExportIT {

    static final int CONTACTS = 5_000;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Platform.ear();
    }

    @Test
    void importSendAndExportEverything() throws Exception {
        TestAccount account = Platform.account("exports");
        String admin = "/api/admin/accounts/" + account.id();
        StringBuilder csv = new StringBuilder("Name,Phone,Ward\n");
        for (int i = 0; i < CONTACTS; i++) {
            csv.append(i % 10 == 0 ? "Ada " : "Bo ").append(i).append(",+2782").append(String.format("%07d", i))
                    .append(',').append(i % 2 == 0 ? "north" : "south").append('\n');
        }
        Answer uploaded = ContactImportIT.upload(admin + "/contact_imports?file_name=ward.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(201, uploaded.status(), uploaded.body());
        String importId = uploaded.json().getString("id");
        CampaignsIT.admin("POST", admin + "/contact_imports/" + importId + "/start", "{\"group_name\":\"ward\"}");
        JsonObject imported = Platform.eventually(Duration.ofSeconds(180),
                () -> CampaignsIT.admin("GET", admin + "/contact_imports/" + importId, null).json(),
                s -> !s.getString("state").equals("queued") && !s.getString("state").equals("checking")
                        && !s.getString("state").equals("importing"),
                "the import");
        assertEquals("completed", imported.getString("state"), imported.toString());
        assertEquals(CONTACTS, imported.getJsonObject("counts").getInt("created"));
        String group = imported.getString("group_key");

        String bulk = account.createConversation("{\"type\":\"bulk_message\",\"name\":\"ward news\"}");
        account.createChannel("{\"vendor\":\"fake\",\"address\":\"5050\",\"conversation_id\":\"" + bulk + "\"}");
        Answer send = CampaignsIT.admin("POST", admin + "/conversations/" + bulk + "/bulk_sends",
                "{\"message\":\"Ward meeting on Friday\",\"group_keys\":[\"" + group + "\"]}");
        assertEquals(201, send.status(), send.body());
        Platform.eventually(Duration.ofSeconds(180), () -> CampaignsIT.admin("GET", admin + "/conversations/" + bulk
                + "/bulk_sends/" + send.json().getString("id"), null).json(),
                s -> s.getJsonObject("counts").getInt("sent") == CONTACTS, "every message at the vendor");

        List<String> all = download(admin, "{\"kind\":\"contacts\"}");
        assertEquals(CONTACTS + 1, all.size());
        assertEquals("key,name,surname,email_address,msisdn,dob,twitter_handle,facebook_id,bbm_pin,gtalk_id,"
                + "mxit_id,wechat_id,created_at,ward", all.get(0), "Vumi Go's columns, then the extras");
        assertEquals(CONTACTS + 1, download(admin, "{\"kind\":\"contacts\",\"group_key\":\"" + group + "\"}").size());
        assertEquals(CONTACTS / 10 + 1, download(admin, "{\"kind\":\"contacts\",\"query\":\"name:Ada\"}").size());
        List<String> lines = download(admin, "{\"kind\":\"contacts\",\"format\":\"jsonl\",\"query\":\"name:Ada\"}");
        assertEquals(CONTACTS / 10, lines.size());
        assertEquals("north", json(lines.get(0)).getJsonObject("extra").getString("ward"));

        List<String> sent = download(admin, "{\"kind\":\"outbound\",\"conversation_id\":\"" + bulk + "\"}");
        assertEquals(CONTACTS + 1, sent.size(), "every message sent, downloaded whole");
        Set<String> ids = new HashSet<>();
        sent.subList(1, sent.size()).forEach(line -> ids.add(line.split(",")[1]));
        assertEquals(CONTACTS, ids.size());
        List<String> vumi = download(admin, "{\"kind\":\"outbound\",\"format\":\"jsonl\",\"conversation_id\":\""
                + bulk + "\"}");
        assertEquals("Ward meeting on Friday", json(vumi.get(0)).getString("content"));
        List<String> events = download(admin, "{\"kind\":\"events\",\"conversation_id\":\"" + bulk + "\"}");
        assertTrue(events.size() >= CONTACTS + 1, events.size() + " events");
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertEquals(1, download(admin, "{\"kind\":\"outbound\",\"conversation_id\":\"" + bulk + "\",\"start\":\""
                + tomorrow + "\"}").size(), "a date range with nothing in it: the header only");

        Answer aggregates = CampaignsIT.admin("GET", admin + "/conversations/" + bulk
                + "/aggregates.csv?direction=outbound", null);
        assertEquals(200, aggregates.status(), aggregates.body());
        assertEquals(List.of("date,messages,recipients", LocalDate.now(ZoneOffset.UTC) + "," + CONTACTS + ","
                + CONTACTS), aggregates.body().lines().toList());

        // the counts: exact at once (roll-ups and the rows since), the same once every row is folded in, and the
        // account's (roll-ups only) too
        Instant sentBy = Instant.now();
        String counts = admin + "/conversations/" + bulk + "/counts?bucket=day&start="
                + LocalDate.now(ZoneOffset.UTC).minusDays(1);
        JsonObject now = CampaignsIT.admin("GET", counts, null).json();
        assertEquals(CONTACTS, now.getJsonObject("total").getInt("sent"), now.toString());
        assertEquals(0, now.getJsonObject("total").getInt("received"));
        JsonObject today = now.getJsonArray("buckets").getJsonObject(1);
        assertEquals(CONTACTS, today.getInt("unique_recipients"), today.toString());
        JsonObject folded = Platform.eventually(Duration.ofSeconds(60), () -> CampaignsIT.admin("GET", counts, null)
                .json(),
                c -> Instant.parse(c.getString("counted_until")).isAfter(sentBy)
                        && c.getJsonObject("total").getInt("acks") == CONTACTS,
                "every message and ack folded in");
        assertEquals(CONTACTS, folded.getJsonObject("total").getInt("sent"), "folded in once: " + folded);
        assertEquals(CONTACTS, folded.getJsonArray("buckets").getJsonObject(1).getInt("unique_recipients"));
        JsonObject hours = CampaignsIT.admin("GET", admin + "/counts?bucket=hour", null).json();
        int size = hours.getJsonArray("buckets").size();
        assertTrue(size == 24 || size == 25, size + " hours: the last 24, the first and last in part");
        assertEquals(CONTACTS, hours.getJsonObject("total").getInt("sent"), "the account's: " + hours.getJsonObject(
                "total"));
        assertEquals(CONTACTS, hours.getJsonArray("buckets").stream().mapToInt(b -> b.asJsonObject().getInt("sent"))
                .sum());
        CampaignsIT.assertRefused(CampaignsIT.admin("GET", admin + "/counts?bucket=minute", null), 400, "'bucket'");
        CampaignsIT.assertRefused(CampaignsIT.admin("GET", admin + "/counts?bucket=quarter&start=2000-01-01", null),
                400, "more than 5000 buckets");

        CampaignsIT.assertRefused(CampaignsIT.admin("POST", admin + "/exports", "{\"kind\":\"everything\"}"), 400,
                "'kind'");
        CampaignsIT.assertRefused(CampaignsIT.admin("POST", admin + "/exports", "{\"kind\":\"inbound\"}"), 400,
                "conversation_id");
        CampaignsIT.assertRefused(CampaignsIT.admin("POST", admin + "/exports",
                "{\"kind\":\"contacts\",\"query\":\"name:(\"}"), 400, "Invalid contact query");
        CampaignsIT.assertRefused(CampaignsIT.admin("POST", admin + "/exports",
                "{\"kind\":\"inbound\",\"conversation_id\":\"" + bulk + "\",\"start\":\"soon\"}"), 400, "'start'");
        assertEquals(404, CampaignsIT.admin("GET", admin + "/exports/nope/file", null).status());
        TestAccount other = Platform.account("exports other");
        String mine = CampaignsIT.admin("GET", admin + "/exports", null).json().getJsonArray("exports")
                .getJsonObject(0).getString("id");
        assertEquals(404, CampaignsIT.admin("GET", "/api/admin/accounts/" + other.id() + "/exports/" + mine + "/file",
                null).status());
    }

    /** Asks for an export, waits for it, downloads its file: its lines. */
    private static List<String> download(String admin, String request) {
        Answer created = CampaignsIT.admin("POST", admin + "/exports", request);
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        JsonObject done = Platform.eventually(Duration.ofSeconds(120),
                () -> CampaignsIT.admin("GET", admin + "/exports/" + id, null).json(),
                s -> !s.getString("state").equals("queued") && !s.getString("state").equals("running"), "the export");
        assertEquals("completed", done.getString("state"), done.toString());
        assertEquals(100, done.getInt("progress"));
        Answer file = CampaignsIT.admin("GET", admin + "/exports/" + id + "/file", null);
        assertEquals(200, file.status(), file.body());
        return file.body().lines().toList();
    }

    private static JsonObject json(String line) {
        return Json.createReader(new StringReader(line)).readObject();
    }
}
