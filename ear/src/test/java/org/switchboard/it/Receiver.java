package org.switchboard.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A local HTTP server standing in for a customer's event_url and mo_message_url; records what it is sent. */
final class Receiver implements AutoCloseable {

    /** One POST the receiver got. */
    record Received(String path, String authorization, JsonObject body, String signature, String raw) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** Whether paths under /fail answer 500 (a receiver that is down); they answer 200 once this is false. */
    private volatile boolean failing = true;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        Json.createReader(new StringReader(body)).readObject(),
                        exchange.getRequestHeaders().getFirst("X-Switchboard-Signature"), body));
            }
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().startsWith("/fail") && failing ? 500 : 200,
                    -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> matching(Predicate<Received> condition) {
        return received.stream().filter(condition).toList();
    }

    Received await(Predicate<Received> condition, Duration timeout, String what) {
        return Platform.eventually(timeout, () -> matching(condition), list -> !list.isEmpty(), what).get(0);
    }

    /** Paths under /fail answer 200 from now on (the receiver was mended). */
    void mend() {
        failing = false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
