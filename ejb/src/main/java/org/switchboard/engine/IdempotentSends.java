package org.switchboard.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import jakarta.json.JsonObject;
import org.switchboard.messages.JunebugJson;
import org.switchboard.messages.VumiJson;
import org.switchboard.messages.MessageChannel;
import org.switchboard.messages.IdempotencyKey;
import org.switchboard.messages.Message;
import org.switchboard.messages.OutboundRequest;

/**
 * Sends made with an {@code Idempotency-Key} (as Stripe's and the IETF draft's header): the first request with a key
 * makes the message and stores the key in the same commit; the same request again gets the first message back, never
 * a second; another request with the same key is refused. Two requests with one key at once, on one instance or on
 * two, cannot both make a message: the key's row is the primary key of its table and is stored in the message's own
 * transaction, so the database refuses the second commit whole (its message with it), and that request is then
 * answered as a retry of the first. No lock is held anywhere.
 */
@ApplicationScoped
public class IdempotentSends {

    /** Longest key taken. */
    public static final int MAX_KEY = 255;

    @Inject
    private MessageIntake intake;

    /** Reads keys and messages (an EJB: this bean is called from the web module, which has no persistence unit). */
    @Inject
    private MessageService messages;

    /** A key used before with a different request. */
    public static class KeyReusedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        KeyReusedException(String message) {
            super(message);
        }
    }

    /**
     * What a send did: the message as its API shows it (Vumi's JSON for a Vumi Go send, else Junebug's), and whether it
     * was made by an earlier request with the same key.
     */
    public record Sent(JsonObject message, boolean replayed) {

        static Sent of(Message message, boolean replayed) {
            return new Sent(message.getEventShape() == Message.EventShape.VUMI
                    ? VumiJson.userMessage(message)
                    : JunebugJson.message(message), replayed);
        }
    }

    /**
     * Sends the request on the channel: at once without a key; with one, as {@link #send(String, String, String,
     * String, Function)} says.
     *
     * @param key the client's Idempotency-Key, or null
     * @param api names the endpoint (a key is the client's within it), e.g. "junebug/{channel}"
     */
    public Sent send(String accountId, String key, String api, String body, MessageChannel channel,
            OutboundRequest request) {
        if (key == null) {
            return Sent.of(accept(channel, request, null), false);
        }
        return send(accountId, key, api, body, claim -> accept(channel, request, claim));
    }

    /**
     * Sends as {@code send} does, unless this account already sent this request with this key.
     *
     * @param api the API's name (a key is the client's within one API)
     * @param body the request as the client sent it, to tell a retry from a different request
     * @param send makes the message: {@link #accept} with the claim it is given
     * @throws KeyReusedException when the key was used with a different request
     */
    Sent send(String accountId, String key, String api, String body, Function<Claim, Message> send) {
        if (key.isEmpty() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("An Idempotency-Key has 1 to " + MAX_KEY + " characters");
        }
        String id = accountId + ':' + api + ':' + key;
        String hash = hash(api + '\n' + body);
        Optional<Message> earlier = earlier(id, hash, accountId);
        if (earlier.isPresent()) {
            return Sent.of(earlier.get(), true);
        }
        try {
            return Sent.of(send.apply(new Claim(id, hash)), false);
        } catch (RuntimeException refused) {
            // another request with the key committed first (the key's primary key refused this one, and its message
            // with it): answer as the retry it is; a failure of another kind finds no row and stands
            Optional<Message> first = earlier(id, hash, accountId);
            if (first.isPresent()) {
                return Sent.of(first.get(), true);
            }
            throw refused;
        }
    }

    /** The key's row to store with the message. */
    public record Claim(String id, String requestHash) {
        IdempotencyKey row(Message message) {
            return new IdempotencyKey(id, message.getId(), requestHash);
        }
    }

    /** Stores the message and the key's row in one commit (see {@link MessageIntake#accept}). */
    Message accept(MessageChannel channel, OutboundRequest request, Claim claim) {
        return intake.accept(channel, request, claim == null ? null : message -> claim.row(message));
    }

    private Optional<Message> earlier(String id, String hash, String accountId) {
        IdempotencyKey row = messages.idempotencyKey(id);
        if (row == null) {
            return Optional.empty();
        }
        if (!row.getRequestHash().equals(hash)) {
            throw new KeyReusedException("This Idempotency-Key was used for a different request; use a new key for "
                    + "a new message");
        }
        return messages.find(accountId, row.getMessageId());
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
