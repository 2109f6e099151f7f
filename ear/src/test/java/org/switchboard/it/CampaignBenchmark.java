package org.switchboard.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.contacts.imports.Xlsx;
import org.switchboard.it.Platform.Answer;
import org.switchboard.it.Platform.TestAccount;

/**
 * The campaigns benchmark ({@code config/bin/switchboard bench campaigns [CONTACTS] [SEARCH_CONTACTS]}), on the
 * running platform: contact import (CSV and XLSX, rows a second, the server's heap), a bulk send to every imported
 * contact until each message is at the fake vendor with its ack stored, beside Kannel carrying as many through
 * {@code sendsms} (100 recipients a request, 8 clients) to {@code fakesmsc}; the export of the send's messages,
 * downloaded whole; inbound to a jsbox app through a keyword router and straight; and contact search p95 over
 * SEARCH_CONTACTS contacts (three query shapes). The server's heap is read from its {@code /metrics} (MicroProfile
 * Metrics) every 500 ms during a job: its peak, and what it was just before.
 */
public final class CampaignBenchmark {

    /** The benchmark's parts, all run unless the third argument names some (the CSV import runs always: a group). */
    private static final Set<String> PARTS = Set.of("import", "bulk", "kannel", "export", "routing", "search");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern HEAP = Pattern
            .compile("(?m)^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*\\})? ([0-9.E+-]+)");
    private static final String ECHO = "api.on_inbound_message = function (cmd) { api.request('outbound.reply_to', "
            + "{content: 'echo: ' + cmd.msg.content, in_reply_to: cmd.msg.message_id, continue_session: true},"
            + " function () { api.done(); }); };";

    private final int contacts;
    private final int searchContacts;
    private final Path work;
    private final TestAccount account;
    private final String admin;
    private double bulkRate;

    private final Set<String> parts;

    private CampaignBenchmark(int contacts, int searchContacts, Set<String> parts) throws IOException {
        this.contacts = contacts;
        this.parts = parts;
        this.searchContacts = searchContacts;
        this.work = Files.createTempDirectory("switchboard-campaign-bench");
        this.account = Platform.account("campaign-bench-" + Instant.now().getEpochSecond());
        this.admin = "/api/admin/accounts/" + account.id();
    }

    public static void main(String[] args) throws Exception {
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int search = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Set<String> parts = args.length > 2 ? Set.of(args[2].split(",")) : PARTS;
        if (!PARTS.containsAll(parts)) {
            throw new IllegalArgumentException("PARTS is a comma-separated list of " + PARTS + ", not " + args[2]);
        }
        new CampaignBenchmark(contacts, search, parts).run();
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf("Campaigns on %s, %d cores, %d contacts%n%n", Platform.BASE,
                Runtime.getRuntime().availableProcessors(), contacts);
        String csvGroup = importFile("CSV", csv(contacts, 71), "bench.csv");
        if (parts.contains("import")) {
            importFile("XLSX", xlsx(contacts, 72), "bench.xlsx");
        }
        String bulk = parts.contains("bulk") || parts.contains("export") ? bulkSend(csvGroup) : null;
        if (parts.contains("kannel")) {
            kannel();
        }
        if (parts.contains("export")) {
            export(bulk);
        }
        if (parts.contains("routing")) {
            routing();
        }
        if (searchContacts > 0 && parts.contains("search")) {
            search();
        }
    }

    // --- import

    private static byte[] csv(int rows, int prefix) {
        StringBuilder csv = new StringBuilder("name,surname,msisdn,ward\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i % 10 == 0 ? "Ada" : "Bo").append(i).append(",Person,+27").append(prefix)
                    .append(String.format("%07d", i)).append(',').append(i % 2 == 0 ? "north" : "south").append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(int rows, int prefix) throws IOException {
        List<List<String>> sheet = new ArrayList<>(rows + 1);
        sheet.add(List.of("name", "surname", "msisdn", "ward"));
        for (int i = 0; i < rows; i++) {
            sheet.add(List.of("Cy" + i, "Person", "27" + prefix + String.format("%07d", i) + ".0",
                    i % 2 == 0 ? "east" : "west"));
        }
        return Xlsx.of(sheet);
    }

    /** Uploads and imports a file into a new group; prints rows a second and the heap; returns the group's key. */
    private String importFile(String kind, byte[] file, String name) throws Exception {
        long before = heap();
        Heap peak = Heap.watch();
        long start = System.nanoTime();
        HttpResponse<String> uploaded = HTTP.send(HttpRequest.newBuilder(URI.create(Platform.BASE + admin
                + "/contact_imports?file_name=" + name)).header("Authorization", Platform.ADMIN)
                .header("Content-Type", "application/octet-stream").timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (uploaded.statusCode() != 201) {
            throw new IllegalStateException("upload: " + uploaded.statusCode() + " " + uploaded.body());
        }
        String id = new Answer(201, uploaded.body()).json().getString("id");
        Answer started = admin("POST", admin + "/contact_imports/" + id + "/start", "{\"group_name\":\"" + kind
                + " " + name + "\",\"country\":\"ZA\"}");
        if (started.status() >= 300) {
            throw new IllegalStateException("start: " + started);
        }
        JsonObject done = Platform.eventually(Duration.ofHours(2), () -> admin("GET", admin + "/contact_imports/"
                + id, null).json(), s -> Arrays.asList("completed", "failed", "invalid", "cancelled")
                        .contains(s.getString("state")),
                "the " + kind + " import");
        double seconds = (System.nanoTime() - start) / 1e9;
        peak.stop();
        if (!"completed".equals(done.getString("state"))) {
            throw new IllegalStateException(kind + " import: " + done);
        }
        System.out.printf("import %-5s %,9d rows (%,.1f MB) in %6.1f s: %,8.0f rows/s   heap before %s, peak %s%n",
                kind, done.getJsonObject("counts").getInt("created"), file.length / 1e6, seconds,
                done.getJsonObject("counts").getInt("created") / seconds, mb(before), mb(peak.max()));
        return done.getString("group_key");
    }

    // --- bulk send and Kannel

    private String bulkSend(String group) throws Exception {
        String bulk = account.createConversation("{\"type\":\"bulk_message\",\"name\":\"bench\"}");
        account.createChannel("{\"vendor\":\"fake\",\"address\":\"9001\",\"max_in_flight\":2000,\"conversation_id\":\""
                + bulk + "\"}");
        long before = heap();
        long eventsBefore = eventsStored();
        Heap peak = Heap.watch();
        long start = System.nanoTime();
        Answer send = admin("POST", admin + "/conversations/" + bulk + "/bulk_sends",
                "{\"message\":\"Campaign benchmark\",\"group_keys\":[\"" + group + "\"],\"confirm\":true}");
        if (send.status() != 201) {
            throw new IllegalStateException("bulk send: " + send);
        }
        String counts = admin + "/conversations/" + bulk + "/counts?bucket=day&start="
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
        // timed by the engine's count of events stored (in memory, cheap to read: a count of the send's rows every
        // 250 ms would take the server's CPU from the send), then checked against the rows themselves
        Platform.eventually(Duration.ofHours(1), CampaignBenchmark::eventsStored,
                stored -> stored - eventsBefore >= contacts, "every message at the vendor, its ack stored");
        double seconds = (System.nanoTime() - start) / 1e9;
        peak.stop();
        Platform.eventually(Duration.ofMinutes(5), () -> admin("GET", counts, null).json().getJsonObject("total"),
                total -> total.getInt("acks") >= contacts, "the conversation's counts to show every ack");
        JsonObject view = admin("GET", admin + "/conversations/" + bulk + "/bulk_sends/" + send.json().getString("id"),
                null).json();
        bulkRate = contacts / seconds;
        System.out.printf("%nbulk send   %,9d messages in %6.1f s: %,8.0f msg/s (vendor ack stored)   heap before %s,"
                + " peak %s; state %s, sent %d%n", contacts, seconds, bulkRate, mb(before), mb(peak.max()),
                view.getString("state"), view.getJsonObject("counts").getInt("sent"));
        return bulk;
    }

    /** Kannel 1.4: sendsms with 100 recipients a request, from 8 clients, to fakesmsc, until it has them all. */
    private void kannel() throws Exception {
        Path bearerbox = Path.of("/usr/sbin/bearerbox");
        Path smsbox = Path.of("/usr/sbin/smsbox");
        Path fakesmsc = Path.of("/usr/lib/kannel/test/fakesmsc");
        if (!Files.isExecutable(bearerbox) || !Files.isExecutable(smsbox) || !Files.isExecutable(fakesmsc)) {
            System.out
                    .println("Kannel is not installed (apt-get install kannel kannel-extras): no side-by-side figure");
            return;
        }
        Path conf = work.resolve("kannel.conf");
        Files.writeString(conf, new String(CampaignBenchmark.class.getResourceAsStream("/bench/kannel.conf")
                .readAllBytes(), StandardCharsets.UTF_8).replace("@STORE@", work.resolve("kannel.store").toString()));
        List<Process> boxes = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            boxes.add(EngineBenchmark.start(work.resolve("bearerbox.log"), bearerbox.toString(), conf.toString()));
            Platform.sleep(1000);
            boxes.add(EngineBenchmark.start(work.resolve("smsbox.log"), smsbox.toString(), conf.toString()));
            Path smsc = work.resolve("fakesmsc.log");
            boxes.add(EngineBenchmark.start(smsc, fakesmsc.toString(), "-H", "127.0.0.1", "-r", "13010", "-m", "0",
                    "1 2 text x"));
            Platform.sleep(3000);
            int requests = (contacts + 99) / 100;
            AtomicInteger next = new AtomicInteger();
            AtomicLong refused = new AtomicLong();
            long start = System.nanoTime();
            for (int c = 0; c < 8; c++) {
                clients.execute(() -> {
                    for (int r = next.getAndIncrement(); r < requests; r = next.getAndIncrement()) {
                        StringBuilder to = new StringBuilder();
                        for (int i = r * 100; i < Math.min(contacts, r * 100 + 100); i++) {
                            to.append(to.length() == 0 ? "" : " ").append("2773").append(String.format("%07d", i));
                        }
                        String url = "http://127.0.0.1:13013/cgi-bin/sendsms?username=bench&password=bench&from=1234"
                                + "&text=Campaign+benchmark&to=" + URLEncoder.encode(to.toString(),
                                        StandardCharsets.UTF_8);
                        try {
                            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() >= 300) {
                                refused.incrementAndGet();
                            }
                        } catch (IOException | InterruptedException e) {
                            refused.incrementAndGet();
                        }
                    }
                });
            }
            clients.shutdown();
            clients.awaitTermination(1, TimeUnit.HOURS);
            double accepted = (System.nanoTime() - start) / 1e9;
            long got = Platform.eventually(Duration.ofMinutes(10), () -> EngineBenchmark.gotMessages(smsc),
                    n -> n >= contacts,
                    "fakesmsc to get Kannel's messages");
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = got / seconds;
            System.out.printf("Kannel      %,9d messages in %6.1f s: %,8.0f msg/s (at fakesmsc; %d requests of 100"
                    + " from 8 clients, all answered in %.1f s, %d refused)%n", got, seconds, rate, requests,
                    accepted, refused.get());
            System.out.printf("Switchboard / Kannel, bulk messages a second: %,.0f / %,.0f = %.3f%n", bulkRate, rate,
                    bulkRate / rate);
        } finally {
            boxes.forEach(Process::destroy);
        }
    }

    // --- export

    private void export(String bulk) throws Exception {
        long start = System.nanoTime();
        Answer asked = admin("POST", admin + "/exports", "{\"kind\":\"outbound\",\"conversation_id\":\"" + bulk
                + "\"}");
        String id = asked.json().getString("id");
        JsonObject done = Platform.eventually(Duration.ofHours(1), () -> admin("GET", admin + "/exports/" + id, null)
                .json(), s -> !s.getString("state").equals("queued") && !s.getString("state").equals("running"),
                "the export");
        double written = (System.nanoTime() - start) / 1e9;
        Path file = work.resolve("export.csv");
        HttpResponse<Path> got = HTTP.send(HttpRequest.newBuilder(URI.create(Platform.BASE + admin + "/exports/" + id
                + "/file")).header("Authorization", Platform.ADMIN).build(), HttpResponse.BodyHandlers.ofFile(file));
        double seconds = (System.nanoTime() - start) / 1e9;
        long lines;
        try (var stream = Files.lines(file)) {
            lines = stream.count() - 1;
        }
        System.out.printf(
                "%nexport      %,9d messages (%s, %,.1f MB) written in %.1f s, downloaded whole in %.1f s%s%n",
                lines, done.getString("state"), Files.size(file) / 1e6, written, seconds,
                got.statusCode() == 200 && lines == contacts ? "" : "  (status " + got.statusCode() + ": INCOMPLETE)");
    }

    // --- routing

    /** Inbound to an echo app through a keyword router and straight, the same load each: replies a second. */
    private void routing() throws Exception {
        String app = account.createConversation("{\"type\":\"jsbox\",\"name\":\"echo\",\"javascript\":"
                + Platform.quote(ECHO) + "}");
        String straight = account.createChannel("{\"vendor\":\"fake\",\"address\":\"9101\",\"max_in_flight\":200,"
                + "\"conversation_id\":\"" + app + "\"}");
        String routed = account.createChannel("{\"vendor\":\"fake\",\"address\":\"9102\",\"max_in_flight\":200}");
        Answer router = admin("POST", admin + "/routers", "{\"type\":\"keyword\",\"name\":\"bench\",\"config\":"
                + "{\"keyword_endpoint_mapping\":{\"echo\":\"echo\"}}}");
        String r = router.json().getString("id");
        Answer table = admin("PUT", admin + "/routing_table", "{\"routing_table\":{"
                + "\"CHANNEL:" + straight + "\":{\"default\":[\"CONVERSATION:" + app + "\",\"default\"]},"
                + "\"CONVERSATION:" + app + "\":{\"default\":[\"CHANNEL:" + straight + "\",\"default\"]},"
                + "\"CHANNEL:" + routed + "\":{\"default\":[\"ROUTER:" + r + ":INBOUND\",\"default\"]},"
                + "\"ROUTER:" + r + ":OUTBOUND\":{\"echo\":[\"CONVERSATION:" + app + "\",\"default\"]}}}");
        if (table.status() != 200) {
            throw new IllegalStateException("routing table: " + table);
        }
        int n = 3_000;
        inbound("warm-up (not counted)", app, straight, n / 3);
        double direct = inbound("inbound -> echo app", app, straight, n);
        double keyword = inbound("inbound -> keyword router -> echo app", app, routed, n);
        System.out.printf("keyword router / straight, replies a second: %.0f / %.0f = %.3f%n", keyword, direct,
                keyword / direct);
    }

    private double inbound(String name, String app, String channel, int n) throws Exception {
        long already = replies(app);
        ExecutorService phones = Executors.newFixedThreadPool(8);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        for (int c = 0; c < 8; c++) {
            phones.execute(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    account.post("/api/fake/channels/" + channel + "/inbound", "{\"from\":\"+2774" + String.format(
                            "%07d", i) + "\",\"content\":\"echo " + i + "\"}");
                }
            });
        }
        phones.shutdown();
        phones.awaitTermination(1, TimeUnit.HOURS);
        Platform.eventually(Duration.ofMinutes(10), () -> replies(app), got -> got >= already + n, name);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!name.startsWith("warm")) {
            System.out.printf("%-40s %,6d messages, every reply stored in %5.1f s: %,6.0f replies/s%n", name,
                    n, seconds, n / seconds);
        }
        return n / seconds;
    }

    /** The app's replies stored so far (its conversation's counts: exact, read through its index). */
    private long replies(String app) {
        return admin("GET", admin + "/conversations/" + app + "/counts?bucket=day", null).json()
                .getJsonObject("total").getJsonNumber("sent").longValue();
    }

    // --- search

    /** Imports contacts up to SEARCH_CONTACTS in all, then times three Lucene query shapes, 200 of each. */
    private void search() throws Exception {
        int have = (parts.contains("import") ? 2 : 1) * contacts;
        if (searchContacts > have) {
            int more = searchContacts - have;
            System.out.println();
            importFile("CSV", csv(more, 75), "million.csv");
        }
        String[] shapes = {"msisdn:\"+2775%07d\"", "name:Ada%d*", "extras-ward:north AND name:Bo%d*"};
        String[] labels = {"msisdn exact", "name prefix", "extra AND prefix"};
        System.out.printf("%nsearch over %,d contacts (the account's), 200 queries a shape after 20 not counted:%n",
                Math.max(have, searchContacts));
        for (int s = 0; s < shapes.length; s++) {
            List<Double> ms = new ArrayList<>();
            int hits = 0;
            for (int i = 0; i < 220; i++) {
                String query = String.format(shapes[s], (i * 7919) % Math.max(1, Math.max(have, searchContacts) / 2));
                long t = System.nanoTime();
                Answer found = account.get("/api/contacts/search?max_keys=20&query="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8));
                double took = (System.nanoTime() - t) / 1e6;
                if (found.status() != 200) {
                    throw new IllegalStateException(query + ": " + found);
                }
                if (i >= 20) {
                    ms.add(took);
                    hits += found.body().contains("\"key\"") ? 1 : 0;
                }
            }
            ms.sort(Double::compare);
            System.out.printf("  %-18s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (%d of 200 found something)%n",
                    labels[s], ms.get(99), ms.get(189), ms.get(197), hits);
        }
    }

    // --- plumbing

    private static Answer admin(String method, String path, String body) {
        return Platform.request(method, path, Platform.ADMIN, body);
    }

    /** The events the engine has stored since it started (its counters at /api/admin/engine). */
    static long eventsStored() {
        return admin("GET", "/api/admin/engine", null).json().getJsonObject("counts")
                .getJsonNumber("events_stored").longValue();
    }

    /** The server's used heap now, from its /metrics; -1 when it does not say. */
    static long heap() {
        Answer metrics = Platform.request("GET", "/metrics", null, null);
        Matcher m = HEAP.matcher(metrics.body());
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%,d MB", bytes / 1_000_000);
    }

    /** The largest heap seen while a job runs. */
    private static final class Heap {
        private final AtomicLong max = new AtomicLong(-1);
        private volatile boolean open = true;
        private final Thread thread;

        private Heap() {
            thread = new Thread(() -> {
                while (open) {
                    max.accumulateAndGet(heap(), Math::max);
                    Platform.sleep(500); // /metrics costs the server: more often took its CPU from the job
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        static Heap watch() {
            return new Heap();
        }

        void stop() throws InterruptedException {
            open = false;
            thread.join();
        }

        long max() {
            return max.get();
        }
    }
}
