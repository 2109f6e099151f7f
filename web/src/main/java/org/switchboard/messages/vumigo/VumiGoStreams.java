package org.switchboard.messages.vumigo;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Locale;
import org.glassfish.jersey.server.ChunkedOutput;
import org.switchboard.conversations.ConversationSettings;
import org.switchboard.errors.ApiException;
import org.switchboard.security.Caller;
import org.switchboard.streams.StreamHub;

/**
 * The streams of Vumi Go's HTTP API ({@code GET messages.json}, {@code events.json}): an http_api conversation with no
 * push URL for them streams them, one JSON a line, to each client that holds one open (within the account's
 * connection limit).
 */
@ApplicationScoped
public class VumiGoStreams {

    /** How often a stream with nothing to send writes an empty line, which also finds a client that went away. */
    static final long KEEP_ALIVE_MILLIS = 5_000;

    @Inject
    ConnectionLimits limits;

    @Inject
    StreamHub streams;

    /** Each open stream has a thread of its own, which waits for its lines (at most the concurrency limit each). */
    @Resource
    ManagedThreadFactory threads;

    /** The conversation's stream of {@code kind} as a chunked answer, written by a thread of its own. */
    public Response open(String api, Caller caller, StreamHub.Kind kind) {
        if (!"http_api".equals(api)) {
            throw new ApiException(Response.Status.METHOD_NOT_ALLOWED, "method not allowed", "MethodNotAllowed",
                    "http_api_nostream does not stream; GET api/v1/go/http_api/{conversation_key}/"
                            + kind.name().toLowerCase(Locale.ROOT) + ".json");
        }
        ConversationSettings.HttpApi settings = caller.conversation().settings();
        if (kind == StreamHub.Kind.MESSAGES ? !settings.streamsMessages() : !settings.streamsEvents()) {
            throw VumiGoRequests.client("This conversation pushes its " + kind.name().toLowerCase(Locale.ROOT)
                    + " to a URL (or ignores them); it streams only when no push URL is set");
        }
        ConnectionLimits.Held held = limits.take(caller.account().id());
        StreamHub.Client client;
        try {
            client = streams.join(caller.conversation().id(), kind);
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
        ChunkedOutput<String> output = new ChunkedOutput<>(String.class, "\r\n");
        threads.newThread(() -> pump(client, output, held, caller.conversation().id(), kind)).start();
        return Response.ok(output, MediaType.APPLICATION_JSON + "; charset=utf-8")
                .header("X-Accel-Buffering", "no")
                .build();
    }

    /**
     * Writes the stream's lines to the client as they come (an empty line after {@value #KEEP_ALIVE_MILLIS} ms of
     * nothing, which also finds a client that went away); a line that could not be written goes back to the stream.
     */
    private void pump(StreamHub.Client client, ChunkedOutput<String> output, ConnectionLimits.Held held,
            String conversationId, StreamHub.Kind kind) {
        try (held; client; output) {
            while (!output.isClosed()) {
                String line = client.next(KEEP_ALIVE_MILLIS);
                try {
                    output.write(line == null ? "" : line);
                } catch (IOException gone) {
                    if (line != null) {
                        streams.publish(conversationId, kind, line);
                    }
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // the client went away while the output was closed
        }
    }
}
