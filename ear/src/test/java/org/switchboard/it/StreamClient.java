package org.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client of a stream of Vumi Go's HTTP API, as go-heroku-streaming reads it: newline-delimited JSON, the empty
 * keep-alive lines skipped; it knows when the platform closed the stream.
 */
final class StreamClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final int status;
    private final InputStream body;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    private StreamClient(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.body = response.body();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        lines.add(line);
                    }
                }
            } catch (Exception closed) {
                // the test closed the stream, or the instance serving it died
            }
            ended = true;
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the conversation's stream ({@code messages.json} or {@code events.json}) at {@code base}. */
    static StreamClient open(String base, String key, String conversation, String token, String suffix)
            throws Exception {
        String credentials = Base64.getEncoder().encodeToString((key + ":" + token).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/go/http_api/" + conversation + "/"
                + suffix))
                .header("Authorization", "Basic " + credentials)
                .GET().build();
        return new StreamClient(HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream()));
    }

    JsonObject next(Duration timeout) throws InterruptedException {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("Nothing on the stream within " + timeout);
        }
        return Json.createReader(new StringReader(line)).readObject();
    }

    /** Whether the stream has ended (the platform's side closed it, or the connection broke). */
    boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (Exception e) {
            // closed already
        }
    }
}
