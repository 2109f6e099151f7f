package org.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.it.Platform.Answer;
import org.switchboard.contacts.imports.Xlsx;
import org.switchboard.it.Platform.TestAccount;

/**
 * Contact import end to end: a CSV with bad rows is refused naming each row and writes nothing; the file put right
 * imports into a new group with its extras; an XLSX (numbers as Excel's floats) updates the contacts it matches;
 * what is not a sheet, is too large or is mapped wrongly is refused with what is wrong.
 */
@ExtendWith(ArquillianExtension.class)
class ContactImportIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Platform.ear();
    }

    @Test
    void badRowsAreNamedThenTheFileImportsAndAnXlsxUpdates() throws Exception {
        TestAccount account = Platform.account("imports");
        String base = "/api/admin/accounts/" + account.id() + "/contact_imports";
        String bad = "Name,Phone,Colour\nAda,076 123 4567,red\nBob,12345,blue\n\nCy,0761234568,green\n"
                + "Di,+27761234567,red\nEd,,blue\n";
        Answer uploaded = upload(base + "?file_name=people.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, uploaded.status(), uploaded.body());
        JsonObject guess = uploaded.json().getJsonObject("guess");
        assertTrue(guess.getBoolean("has_header"));
        assertEquals(List.of("name", "msisdn", "extras-colour"), guess.getJsonArray("mapping").stream()
                .map(c -> c.asJsonObject().getString("field")).toList());
        assertEquals("msisdn", guess.getJsonArray("mapping").getJsonObject(1).getString("normalize"));
        String id = uploaded.json().getString("id");

        Answer started = CampaignsIT.admin("POST", base + "/" + id + "/start",
                "{\"country\":\"ZA\",\"group_name\":\"imported\"}");
        assertEquals(200, started.status(), started.body());
        JsonObject invalid = finished(base + "/" + id);
        assertEquals("invalid", invalid.getString("state"), invalid.toString());
        assertEquals(3, invalid.getJsonObject("counts").getInt("errors"));
        JsonObject errors = CampaignsIT.admin("GET", base + "/" + id + "/errors", null).json();
        List<String> said = errors.getJsonArray("errors").stream().map(JsonValue::asJsonObject)
                .map(e -> e.getInt("row") + ": " + e.getString("message")).toList();
        assertEquals(3, said.size(), said.toString());
        assertTrue(said.get(0).startsWith("3: '12345' is not a valid phone number for ZA (column 'Phone')"),
                said.get(0));
        assertTrue(said.get(1).startsWith("6: the number +27761234567 is on row 2 too"), said.get(1));
        assertTrue(said.get(2).startsWith("7: it has no contact number"), said.get(2));
        assertEquals(0, contacts(account, "+27761234567").size(), "nothing was written");

        String good = bad.replace("Bob,12345", "Bob,0761234569").replace("Di,+27761234567", "Di,+27761234570")
                .replace("Ed,,", "Ed,0761234571,");
        String fixed = upload(base, good.getBytes(StandardCharsets.UTF_8)).json().getString("id");
        CampaignsIT.admin("POST", base + "/" + fixed + "/start", "{\"country\":\"ZA\",\"group_name\":\"imported\"}");
        JsonObject done = finished(base + "/" + fixed);
        assertEquals("completed", done.getString("state"), done.toString());
        assertEquals(5, done.getJsonObject("counts").getInt("created"));
        assertEquals(100, done.getInt("progress"));
        String group = done.getString("group_key");
        Answer members = account.get("/api/v1/go/groups/" + group + "/contacts");
        assertEquals(5, members.json().getJsonArray("data").size(), members.body());
        JsonObject ada = contacts(account, "+27761234567").get(0);
        assertEquals("Ada", ada.getString("name"));
        assertEquals("red", ada.getJsonObject("extra").getString("colour"));
        assertEquals(409, CampaignsIT.admin("POST", base + "/" + fixed + "/start", "{}").status(),
                "a completed import does not run twice");

        byte[] xlsx = Xlsx.of(List.of(List.of("msisdn", "surname"), List.of("761234567.0", "Lovelace"),
                List.of("27761234599", "New")));
        Answer sheet = upload(base + "?file_name=update.xlsx", xlsx);
        assertEquals(201, sheet.status(), sheet.body());
        assertEquals("xlsx", sheet.json().getString("format"));
        String update = sheet.json().getString("id");
        CampaignsIT.admin("POST", base + "/" + update + "/start",
                "{\"country\":\"ZA\",\"mode\":\"upload_is_truth\",\"group_key\":\"" + group + "\"}");
        JsonObject updated = finished(base + "/" + update);
        assertEquals("completed", updated.getString("state"), updated.toString());
        assertEquals(1, updated.getJsonObject("counts").getInt("updated"));
        assertEquals(1, updated.getJsonObject("counts").getInt("created"));
        JsonObject lovelace = contacts(account, "+27761234567").get(0);
        assertEquals("Lovelace", lovelace.getString("surname"));
        assertEquals("Ada", lovelace.getString("name"), "a field the file does not have is kept");
        assertEquals(1, contacts(account, "+27761234567").size(), "updated, not made again");
        assertEquals(1, contacts(account, "+27761234599").size());
        // another account sees none of it
        TestAccount other = Platform.account("imports other");
        assertEquals(404, CampaignsIT.admin("GET", "/api/admin/accounts/" + other.id() + "/contact_imports/"
                + update, null).status());
    }

    @Test
    void whatIsNotASheetOrIsMappedWronglyIsRefused() throws Exception {
        TestAccount account = Platform.account("imports refused");
        String base = "/api/admin/accounts/" + account.id() + "/contact_imports";
        CampaignsIT.assertRefused(upload(base, new byte[0]), 400, "empty");
        CampaignsIT.assertRefused(upload(base, new byte[]{1, 2, 0, 4, 5, 0}), 400, "neither CSV text nor an XLSX");
        CampaignsIT.assertRefused(upload(base, new byte[]{'P', 'K', 3, 4, 1, 1, 1, 1, 1}), 400, "not an XLSX");
        CampaignsIT.assertRefused(upload(base, "name,msisdn\nJo,+27761234567\nZo\u00eb,+27761234568\n"
                .getBytes(StandardCharsets.ISO_8859_1)), 400, "row 3");
        StringBuilder late = new StringBuilder("name,msisdn\n");
        for (int i = 0; i < 7; i++) {
            late.append("P").append(i).append(",+2776123450").append(i).append('\n');
        }
        late.append("Zo\u00eb,+27761234599\n"); // row 9: past the rows read at upload; the check finds it
        Answer latin1 = upload(base, late.toString().getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(201, latin1.status(), latin1.body());
        CampaignsIT.admin("POST", base + "/" + latin1.json().getString("id") + "/start", "{\"country\":\"ZA\"}");
        JsonObject failed = finished(base + "/" + latin1.json().getString("id"));
        assertEquals("failed", failed.getString("state"), failed.toString());
        assertTrue(failed.getString("failure").contains("row 9") && failed.getString("failure").contains("UTF-8"),
                failed.toString());

        String csv = upload(base, "Name,Colour\nJo,red\n".getBytes(StandardCharsets.UTF_8)).json().getString("id");
        CampaignsIT.assertRefused(CampaignsIT.admin("POST", base + "/" + csv + "/start", "{}"), 400,
                "Map a column to msisdn");
        CampaignsIT.assertRefused(CampaignsIT.admin("POST", base + "/" + csv + "/start",
                "{\"mapping\":[{\"column\":0,\"field\":\"nickname\"}]}"), 400, "not a contact field");
        CampaignsIT.assertRefused(CampaignsIT.admin("POST", base + "/" + csv + "/start",
                "{\"mapping\":[{\"column\":7,\"field\":\"msisdn\"}]}"), 400, "the file has 2 columns");
        CampaignsIT.assertRefused(CampaignsIT.admin("POST", base + "/" + csv + "/start",
                "{\"mode\":\"sometimes\"}"), 400, "'mode'");
        CampaignsIT.assertRefused(CampaignsIT.admin("POST", base + "/" + csv + "/start",
                "{\"group_key\":\"nope\",\"mapping\":[{\"column\":0,\"field\":\"msisdn\"}]}"), 400, "nope");
        CampaignsIT.assertRefused(CampaignsIT.admin("POST", base + "/" + csv + "/start",
                "{\"country\":\"Narnia\",\"mapping\":[{\"column\":0,\"field\":\"msisdn\"}]}"), 400, "'country'");
        assertEquals("uploaded", CampaignsIT.admin("GET", base + "/" + csv, null).json().getString("state"),
                "a refused start changes nothing");

        // larger than the limit (100 MB): refused from its length, before its body is sent (Expect: 100-continue,
        // as curl sends it for a large file), and nothing kept
        long size = 101L * 1024 * 1024;
        HttpRequest big = HttpRequest.newBuilder(URI.create(Platform.BASE + base))
                .header("Authorization", Platform.ADMIN)
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new Repeated(size)), size))
                .timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> answer = HTTP.send(big, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("larger than"), answer.body());
        assertEquals(1, CampaignsIT.admin("GET", base, null).json().getJsonArray("imports").stream()
                .filter(i -> i.asJsonObject().getString("state").equals("uploaded")).count());
    }

    private static JsonObject finished(String path) {
        return Platform.eventually(Duration.ofSeconds(60), () -> CampaignsIT.admin("GET", path, null).json(),
                s -> List.of("invalid", "checked", "completed", "failed", "cancelled").contains(s.getString("state")),
                "the import to finish");
    }

    private static List<JsonObject> contacts(TestAccount account, String msisdn) {
        return account.get("/api/v1/go/contacts/?query=msisdn=" + msisdn.replace("+", "%2B")).json()
                .getJsonArray("data").stream().map(JsonValue::asJsonObject).collect(Collectors.toList());
    }

    static Answer upload(String path, byte[] file) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Platform.BASE + path))
                .header("Authorization", Platform.ADMIN)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(answer.statusCode(), answer.body());
    }

    /** A stream of so many bytes of one CSV line after another. */
    private static final class Repeated extends InputStream {
        private static final byte[] LINE = "Name,+27761234567\n".getBytes(StandardCharsets.UTF_8);
        private long left;
        private int at;

        Repeated(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left-- <= 0) {
                return -1;
            }
            return LINE[at++ % LINE.length];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = LINE[at++ % LINE.length];
            }
            left -= n;
            return n;
        }
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
