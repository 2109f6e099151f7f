package org.switchboard.messages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.switchboard.messages.MessageChannel;
import org.switchboard.engine.IdempotentSends;
import org.switchboard.errors.ApiException;

/**
 * The {@code Idempotency-Key} header of every send API: without one, a send is made as asked; with one, a request
 * sent again (same key, same body) answers the message the first one made (with {@code Idempotent-Replayed: true})
 * and never makes a second; the key with another body is refused with 400 (as Stripe refuses it).
 */
@ApplicationScoped
public class IdempotentApi {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";
    /** The answer header set on an answer that repeats an earlier one. */
    public static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    IdempotentSends sends;

    /**
     * Sends the request on the channel, once per key.
     *
     * @param api names the endpoint (a key is the client's within it), e.g. "junebug/{channel}"
     */
    public IdempotentSends.Sent send(String accountId, String key, String api, String body, MessageChannel channel,
            OutboundRequest request) {
        try {
            return sends.send(accountId, key, api, body, channel, request);
        } catch (IdempotentSends.KeyReusedException e) {
            // 400, as Stripe answers a key reused with other parameters
            throw new ApiException(Response.Status.BAD_REQUEST, "api usage error", "IdempotencyKeyReused",
                    e.getMessage());
        }
    }

    /** Adds the replay header to an answer that repeats an earlier one. */
    public static Response.ResponseBuilder mark(Response.ResponseBuilder response, IdempotentSends.Sent sent) {
        return sent.replayed() ? response.header(REPLAYED, "true") : response;
    }
}
