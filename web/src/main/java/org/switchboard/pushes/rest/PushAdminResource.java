package org.switchboard.pushes.rest;

import org.switchboard.errors.ApiException;
import org.switchboard.pushes.PushView;
import org.switchboard.security.Allowed;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.switchboard.security.Roles;
import static org.switchboard.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.accounts.rest.AdminAuth;
import org.switchboard.json.JsonStrings;
import org.switchboard.engine.Push.State;
import org.switchboard.pushes.PushService;

/**
 * The operator's view of pushes to customers' URLs: list them (failed ones are the dead letters), inspect one with
 * its body, replay failed ones, and count them per conversation. URLs are shown without the credentials they carry;
 * auth tokens are never shown.
 */
@Allowed(Roles.OPERATOR)
@Path("api/admin/pushes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class PushAdminResource {

    private static final int MAX_LIST = 1000;

    @Inject
    private AdminAuth admin;

    @Inject
    private PushService pushes;

    /** {@code ?state=failed|pending|delivered&account_id=&conversation_id=&limit=}: newest first. */
    @GET
    @APIResponse(responseCode = "200", description = "The pushes, newest first", content = @Content(schema = @Schema(ref = "Pushes")))
    public Response list(@QueryParam("state") String state,
            @QueryParam("account_id") String accountId, @QueryParam("conversation_id") String conversationId,
            @QueryParam("limit") Integer limit) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        pushes.list(accountId, state(state), conversationId, limit(limit)).forEach(p -> list.add(json(p).build()));
        return Response.ok(JSON.createObjectBuilder().add("pushes", list).build().toString()).build();
    }

    /** {@code ?account_id=}: per conversation, how many pushes are pending, delivered and failed. */
    @GET
    @Path("counts")
    public Response counts(@QueryParam("account_id") String accountId) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (Map.Entry<String, Map<State, Long>> entry : pushes.counts(accountId).entrySet()) {
            JsonObjectBuilder row = JSON.createObjectBuilder()
                    .add("conversation_id", JsonStrings.orNull(entry.getKey()));
            for (State s : State.values()) {
                row.add(s.name().toLowerCase(Locale.ROOT), entry.getValue().getOrDefault(s, 0L));
            }
            list.add(row);
        }
        return Response.ok(JSON.createObjectBuilder().add("conversations", list).build().toString()).build();
    }

    @GET
    @Path("{push_id}")
    @APIResponse(responseCode = "200", description = "The push", content = @Content(schema = @Schema(ref = "Push")))
    public Response inspect(@PathParam("push_id") String id) {
        PushView push = find(id);
        return Response.ok(json(push).add("body", JsonStrings.value(push.body())).build().toString()).build();
    }

    /** Sends a failed push again; 409 when it is not failed (pending ones are on their way, delivered ones done). */
    @POST
    @Path("{push_id}/replay")
    @APIResponse(responseCode = "200", description = "The push, sent again", content = @Content(schema = @Schema(ref = "Push")))
    public Response replay(@PathParam("push_id") String id) {
        PushView push = find(id);
        if (!pushes.replay(id)) {
            throw ApiException.of(Response.Status.CONFLICT, "Push " + id + " is " + push.state().name()
                    .toLowerCase(Locale.ROOT) + "; only failed pushes are replayed");
        }
        return Response.ok(json(find(id)).build().toString()).build();
    }

    /** {@code ?account_id=&conversation_id=}: sends every failed push that matches again (at most 1000 a call). */
    @POST
    @Path("replay")
    @APIResponse(responseCode = "200", description = "How many were sent again", content = @Content(schema = @Schema(ref = "Replayed")))
    public Response replayAll(@QueryParam("account_id") String accountId,
            @QueryParam("conversation_id") String conversationId) {
        List<PushView> failed = pushes.list(accountId, State.FAILED, conversationId, MAX_LIST);
        int replayed = 0;
        for (PushView push : failed) {
            if (pushes.replay(push.id())) {
                replayed++;
            }
        }
        return Response.ok(JSON.createObjectBuilder().add("replayed", replayed).build().toString()).build();
    }

    private PushView find(String id) {
        return pushes.find(id).orElseThrow(() -> ApiException.notFound("Push " + id + " not found"));
    }

    private static State state(String state) {
        if (state == null) {
            return null;
        }
        try {
            return State.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'state' must be pending, delivered or failed");
        }
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return 100;
        }
        if (limit < 1 || limit > MAX_LIST) {
            throw ApiException.badRequest("'limit' must be from 1 to " + MAX_LIST);
        }
        return limit;
    }

    private static JsonObjectBuilder json(PushView push) {
        return JSON.createObjectBuilder()
                .add("id", push.id())
                .add("account_id", push.accountId())
                .add("conversation_id", JsonStrings.orNull(push.conversationId()))
                .add("channel_id", JsonStrings.orNull(push.channelId()))
                .add("kind", push.kind().name().toLowerCase(Locale.ROOT))
                .add("subject_id", push.subjectId())
                .add("url", push.url())
                .add("state", push.state().name().toLowerCase(Locale.ROOT))
                .add("attempts", push.attempts())
                .add("next_attempt_at", instant(push.nextAttemptAt()))
                .add("last_error", JsonStrings.orNull(push.lastError()))
                .add("created_at", instant(push.createdAt()))
                .add("delivered_at", instant(push.deliveredAt()));
    }

    private static JsonValue instant(Instant instant) {
        return instant == null ? JsonValue.NULL : JSON.createValue(instant.toString());
    }
}
