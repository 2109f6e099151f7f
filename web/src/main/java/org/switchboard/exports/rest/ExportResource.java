package org.switchboard.exports.rest;

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
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.file.Files;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.switchboard.accounts.rest.AdminAuth;
import org.switchboard.errors.ApiException;
import org.switchboard.exports.ExportView;
import org.switchboard.exports.Exports;
import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;

/**
 * An account's exports: contacts (all, a group, a search) and a conversation's messages (received, sent, events;
 * a date range), as CSV or JSON lines, written as a job; its file is downloadable until it expires.
 */
@Allowed(Roles.OPERATOR)
@Path("api/admin/accounts/{account_id}/exports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ExportResource {

    static final Set<String> FIELDS = Set.of("kind", "format", "group_key", "query", "conversation_id", "start",
            "end");

    @Inject
    AdminAuth admin;

    @Inject
    Exports exports;

    @PathParam("account_id")
    String accountId;

    /** {@code {kind: contacts|inbound|outbound|events, format: csv|jsonl, group_key | query, conversation_id, start, end}}. */
    @POST
    @APIResponse(responseCode = "201", description = "The export, queued")
    public Response create(@RequestBody(content = @Content(schema = @Schema(ref = "ExportRequest"))) JsonObject body) {
        admin.account(accountId);
        if (body == null) {
            throw ApiException.badRequest("Send the export as a JSON object: {\"kind\": \"contacts\"}");
        }
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key)) {
                throw ApiException.badRequest("Unknown field '" + key + "'; the fields are "
                        + String.join(", ", new java.util.TreeSet<>(FIELDS)));
            }
        }
        ExportView view = exports.create(accountId, new Exports.Request(string(body, "kind"), string(body, "format"),
                string(body, "group_key"), string(body, "query"), string(body, "conversation_id"),
                instant(body, "start"), instant(body, "end")));
        return Response.status(Response.Status.CREATED).entity(json(view).toString()).build();
    }

    @GET
    public Response list(@QueryParam("limit") Integer limit) {
        admin.account(accountId);
        JsonArrayBuilder list = JSON.createArrayBuilder();
        exports.list(accountId, limit == null ? 50 : Math.max(1, Math.min(limit, 500))).forEach(v -> list.add(json(v)));
        return Response.ok(JSON.createObjectBuilder().add("exports", list).build().toString()).build();
    }

    @GET
    @Path("{export_id}")
    public Response get(@PathParam("export_id") String id) {
        return Response.ok(json(found(id)).toString()).build();
    }

    /** The file, as an attachment; 409 while it is being written, 410 once it expired. */
    @GET
    @Path("{export_id}/file")
    @Produces(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "409", description = "The export is not written yet")
    public Response file(@PathParam("export_id") String id) {
        ExportView view = found(id);
        java.nio.file.Path file = exports.file(accountId, id).orElseThrow(() -> switch (view.state()) {
            case EXPIRED -> ApiException.of(Response.Status.GONE, "Export " + id + " expired: ask for it again");
            case FAILED, CANCELLED -> ApiException.of(Response.Status.CONFLICT, "Export " + id + " is "
                    + view.state().name().toLowerCase(Locale.ROOT) + ": ask for it again");
            default -> ApiException.of(Response.Status.CONFLICT, "Export " + id + " is being written ("
                    + view.percent() + "%): try again when its state is completed");
        });
        StreamingOutput body = out -> Files.copy(file, out);
        return Response.ok(body, view.format().equals("csv") ? "text/csv; charset=utf-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"" + view.fileName() + "\"")
                .header("Content-Length", view.sizeBytes())
                .build();
    }

    private ExportView found(String id) {
        admin.account(accountId);
        return exports.find(accountId, id).orElseThrow(() -> ApiException.notFound("Export " + id
                + " not found in account " + accountId));
    }

    private static String string(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw ApiException.badRequest("'" + name + "' must be a string");
        }
        return text.getString().isBlank() ? null : text.getString();
    }

    private static Instant instant(JsonObject body, String name) {
        String text = string(body, name);
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10
                    ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC)
                            .toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' must be a date (2026-12-24) or a time with its offset"
                    + " (2026-12-24T09:00:00Z)");
        }
    }

    static JsonObject json(ExportView view) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", view.id())
                .add("kind", view.kind())
                .add("format", view.format())
                .add("scope", view.scope())
                .add("state", view.state().name().toLowerCase(Locale.ROOT))
                .add("progress", view.percent())
                .add("rows", view.rowsDone())
                .add("rows_total", view.rowsTotal())
                .add("file_name", view.fileName())
                .add("size_bytes", view.sizeBytes())
                .add("created_at", view.createdAt().toString());
        if (view.finishedAt() != null) {
            json.add("finished_at", view.finishedAt().toString());
        }
        if (view.expiresAt() != null) {
            json.add("expires_at", view.expiresAt().toString());
        }
        if (view.failure() != null) {
            json.add("failure", view.failure());
        }
        return json.build();
    }
}
