package org.switchboard.campaigns.rest;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.switchboard.accounts.rest.AdminAuth;
import org.switchboard.campaigns.BulkConflict;
import org.switchboard.campaigns.BulkPreview;
import org.switchboard.campaigns.BulkSendView;
import org.switchboard.campaigns.BulkSends;
import org.switchboard.campaigns.Segments;
import org.switchboard.errors.ApiException;
import org.switchboard.json.JsonStrings;
import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;

/**
 * The bulk sends of a bulk_message conversation (Vumi Go's "Send Bulk Message" action, as a job), and the pushes of a
 * jsbox's or dialogue's app to groups (its "Trigger push messages" and "Send Dialogue": no {@code message}, the app
 * says what each contact gets; {@code kind} "trigger"): a preview, a send now or at a time, its progress and counts,
 * pause, resume and cancel. The same send to the same groups within the repeat window is refused with a 409 unless the
 * request says {@code "confirm": true}.
 */
@Allowed(Roles.OPERATOR)
@Path("api/admin/accounts/{account_id}/conversations/{conversation_id}/bulk_sends")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class BulkSendResource {

    static final Set<String> FIELDS = Set.of("message", "group_keys", "delivery_class", "dedupe", "channel_id",
            "scheduled_for", "confirm");

    @Inject
    AdminAuth admin;

    @Inject
    BulkSends sends;

    @PathParam("account_id")
    String accountId;

    @PathParam("conversation_id")
    String conversationId;

    /** What a send would do: {@code {message, group_keys, delivery_class, dedupe, channel_id}}. */
    @POST
    @Path("preview")
    @APIResponse(responseCode = "200", description = "Recipients, who is skipped and why, and the SMS it takes")
    public Response preview(
            @RequestBody(content = @Content(schema = @Schema(ref = "BulkSendRequest"))) JsonObject body) {
        BulkPreview preview = found(() -> sends.preview(accountId, conversationId, request(body)));
        Segments segments = preview.segments();
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("channel_id", preview.channelId())
                .add("contacts", preview.contacts())
                .add("recipients", preview.recipients())
                .add("skipped", skipped(preview.skippedNoAddress(), preview.skippedDuplicate(),
                        preview.skippedOptedOut()));
        if (segments != null) { // a push of an app has no text of its own: its app says what each contact gets
            json.add("encoding", segments.encoding())
                    .add("characters", segments.units())
                    .add("segments", segments.segments())
                    .add("total_segments", preview.totalSegments());
        }
        return Response.ok(json.build().toString()).build();
    }

    /** A new send, now or at {@code scheduled_for}: 201 with the send; 409 for a repeat that is not confirmed. */
    @POST
    @APIResponse(responseCode = "201", description = "The send")
    @APIResponse(responseCode = "409", description = "The same text went to the same groups lately")
    public Response create(
            @RequestBody(content = @Content(schema = @Schema(ref = "BulkSendRequest"))) JsonObject body) {
        BulkSendView view = found(() -> sends.create(accountId, conversationId, request(body)));
        return Response.status(Response.Status.CREATED).entity(json(view).toString()).build();
    }

    /** The conversation's sends, newest first. */
    @GET
    public Response list(@QueryParam("limit") Integer limit) {
        found(() -> Optional.of(true));
        JsonArrayBuilder list = JSON.createArrayBuilder();
        sends.list(accountId, conversationId, limit == null ? 50 : Math.max(1, Math.min(limit, 500)))
                .forEach(view -> list.add(json(view)));
        return Response.ok(JSON.createObjectBuilder().add("bulk_sends", list).build().toString()).build();
    }

    @GET
    @Path("{bulk_id}")
    @APIResponse(responseCode = "200", description = "The send, its state and counts")
    public Response get(@PathParam("bulk_id") String bulkId) {
        return Response.ok(json(send(bulkId, () -> sends.find(accountId, conversationId, bulkId))).toString()).build();
    }

    @POST
    @Path("{bulk_id}/pause")
    @APIResponse(responseCode = "409", description = "The send is not waiting or running")
    public Response pause(@PathParam("bulk_id") String bulkId,
            @RequestBody(content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary", description = "none: it is read and dropped"))) java.io.InputStream body) {
        org.switchboard.JsonBodies.ignore(body);
        return moved(bulkId, () -> sends.pause(accountId, conversationId, bulkId));
    }

    @POST
    @Path("{bulk_id}/resume")
    @APIResponse(responseCode = "409", description = "The send is not paused")
    public Response resume(@PathParam("bulk_id") String bulkId,
            @RequestBody(content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary", description = "none: it is read and dropped"))) java.io.InputStream body) {
        org.switchboard.JsonBodies.ignore(body);
        return moved(bulkId, () -> sends.resume(accountId, conversationId, bulkId));
    }

    @POST
    @Path("{bulk_id}/cancel")
    @APIResponse(responseCode = "409", description = "The send is finished")
    public Response cancel(@PathParam("bulk_id") String bulkId,
            @RequestBody(content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary", description = "none: it is read and dropped"))) java.io.InputStream body) {
        org.switchboard.JsonBodies.ignore(body);
        return moved(bulkId, () -> sends.cancel(accountId, conversationId, bulkId));
    }

    private Response moved(String bulkId, Supplier<Optional<BulkSendView>> move) {
        return Response.ok(json(send(bulkId, move)).toString()).build();
    }

    private BulkSendView send(String bulkId, Supplier<Optional<BulkSendView>> find) {
        return answer(find, "Bulk send " + bulkId + " not found in conversation " + conversationId);
    }

    private <T> T found(Supplier<Optional<T>> find) {
        return answer(find, "Conversation " + conversationId + " not found in account " + accountId);
    }

    /** What the service answered: a 404 saying {@code missing} when nothing, a 409 for a conflict. */
    private <T> T answer(Supplier<Optional<T>> call, String missing) {
        admin.account(accountId);
        try {
            return call.get().orElseThrow(() -> ApiException.notFound(missing));
        } catch (BulkConflict e) {
            throw ApiException.of(Response.Status.CONFLICT, e.getMessage());
        }
    }

    /** A request's body as the service takes it; a field of the wrong shape, or an unknown one, is a 400. */
    static BulkSends.Request request(JsonObject body) {
        if (body == null) {
            throw ApiException
                    .badRequest("Send the bulk send as a JSON object: {\"message\": ..., \"group_keys\": [...]}");
        }
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key)) {
                throw ApiException.badRequest("Unknown field '" + key + "'; the fields are "
                        + String.join(", ", new java.util.TreeSet<>(FIELDS)));
            }
        }
        List<String> groups = null;
        JsonValue keys = body.get("group_keys");
        if (keys != null && keys != JsonValue.NULL) {
            if (keys.getValueType() != JsonValue.ValueType.ARRAY) {
                throw ApiException.badRequest("'group_keys' must be a list of group keys");
            }
            groups = new ArrayList<>();
            for (JsonValue key : keys.asJsonArray()) {
                if (!(key instanceof JsonString text)) {
                    throw ApiException.badRequest("'group_keys' must be a list of group keys; " + key + " is not one");
                }
                groups.add(text.getString());
            }
        }
        return new BulkSends.Request(groups, string(body, "message"), string(body, "delivery_class"),
                bool(body, "dedupe"), string(body, "channel_id"), instant(body, "scheduled_for"),
                Boolean.TRUE.equals(bool(body, "confirm")));
    }

    private static String string(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw ApiException.badRequest("'" + name + "' must be a string");
        }
        return text.getString();
    }

    private static Boolean bool(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw ApiException.badRequest("'" + name + "' must be true or false");
        }
        return value == JsonValue.TRUE;
    }

    private static Instant instant(JsonObject body, String name) {
        String text = string(body, name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' must be a time with its offset, such as"
                    + " 2026-12-24T09:00:00Z");
        }
    }

    private static JsonObjectBuilder skipped(int noAddress, int duplicate, int optedOut) {
        return JSON.createObjectBuilder()
                .add("no_address", noAddress)
                .add("duplicate", duplicate)
                .add("opted_out", optedOut);
    }

    /** The API's shape of a send. */
    static JsonObject json(BulkSendView view) {
        BulkSendView.Counts counts = view.counts();
        JsonArrayBuilder groups = JSON.createArrayBuilder();
        view.groups().forEach(groups::add);
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", view.id())
                .add("conversation_id", view.conversationId())
                .add("channel_id", view.channelId())
                .add("kind", view.kind().name().toLowerCase(Locale.ROOT))
                .add("message", JsonStrings.orNull(view.content()))
                .add("delivery_class", view.deliveryClass())
                .add("dedupe", view.dedupe())
                .add("group_keys", groups)
                .add("state", view.state().name().toLowerCase(Locale.ROOT))
                .add("progress", counts.percent())
                .add("created_at", view.createdAt().toString())
                .add("counts", JSON.createObjectBuilder()
                        .add("recipients", counts.recipients())
                        .add("done", counts.position())
                        .add("skipped", skipped(counts.skippedNoAddress(), counts.skippedDuplicate(),
                                counts.skippedOptedOut()))
                        .add("accepted", counts.accepted())
                        .add("queued", counts.queued())
                        .add("sent", counts.sent())
                        .add("failed", counts.failed())
                        .add("delivered", counts.delivered())
                        .add("undelivered", counts.undelivered()));
        if (view.segments() != null) {
            json.add("encoding", view.segments().encoding()).add("segments", view.segments().segments());
        }
        time(json, "scheduled_for", view.scheduledFor());
        time(json, "started_at", view.startedAt());
        time(json, "finished_at", view.finishedAt());
        if (view.failure() != null) {
            json.add("failure", view.failure());
        }
        return json.build();
    }

    private static void time(JsonObjectBuilder json, String name, Instant at) {
        if (at == null) {
            json.addNull(name);
        } else {
            json.add(name, at.toString());
        }
    }
}
