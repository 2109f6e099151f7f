package org.switchboard.contacts.imports.rest;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.switchboard.accounts.rest.AdminAuth;
import org.switchboard.contacts.imports.ContactImports;
import org.switchboard.contacts.imports.ImportConflict;
import org.switchboard.contacts.imports.ImportView;
import org.switchboard.errors.ApiException;
import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;

/**
 * An account's contact imports: upload a CSV or XLSX file as the body ({@code curl -T contacts.csv}), see the
 * header and mapping it guessed, start it with a mapping (or check it only), follow its progress, read the rows it
 * refused, cancel it.
 */
@Allowed(Roles.OPERATOR)
@Path("api/admin/accounts/{account_id}/contact_imports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ContactImportResource {

    @Inject
    AdminAuth admin;

    @Inject
    ContactImports imports;

    @PathParam("account_id")
    String accountId;

    /** The file as the body; {@code file_name} names it. 201 with what was read of it; 413 over the limit. */
    @POST
    @APIResponse(responseCode = "201", description = "The import, its first rows and the mapping guessed")
    @APIResponse(responseCode = "413", description = "The file is larger than an import takes")
    public Response upload(@QueryParam("file_name") String fileName,
            @jakarta.ws.rs.HeaderParam("Content-Length") Long length,
            @RequestBody(content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary", description = "the CSV or XLSX file"))) InputStream body) {
        admin.account(accountId);
        try {
            imports.checkSize(length == null ? -1 : length);
            ImportView view = imports.upload(accountId, body, fileName);
            return Response.status(Response.Status.CREATED).entity(json(view).toString()).build();
        } catch (ContactImports.TooLarge e) {
            throw ApiException.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
        }
    }

    @GET
    public Response list(@QueryParam("limit") Integer limit) {
        admin.account(accountId);
        JsonArrayBuilder list = JSON.createArrayBuilder();
        imports.list(accountId, limit == null ? 50 : Math.max(1, Math.min(limit, 500))).forEach(v -> list.add(json(v)));
        return Response.ok(JSON.createObjectBuilder().add("imports", list).build().toString()).build();
    }

    @GET
    @Path("{import_id}")
    @APIResponse(responseCode = "200", description = "The import, its state and counts")
    public Response get(@PathParam("import_id") String id) {
        return ok(id, () -> imports.find(accountId, id));
    }

    /**
     * Starts it: {@code {mapping: [{column, field, normalize}], has_header, mode, group_key | group_name, country,
     * check_only}}; what is left out takes the upload's guess (mode new).
     */
    @POST
    @Path("{import_id}/start")
    @APIResponse(responseCode = "200", description = "The import, queued")
    @APIResponse(responseCode = "409", description = "The import is under way or done")
    public Response start(@PathParam("import_id") String id,
            @RequestBody(content = @Content(schema = @Schema(ref = "ImportStart"))) JsonObject body) {
        if (body == null) {
            throw ApiException.badRequest("Send the import's settings as a JSON object ({} takes the guess)");
        }
        return ok(id, () -> imports.start(accountId, id, body));
    }

    @POST
    @Path("{import_id}/cancel")
    @APIResponse(responseCode = "409", description = "The import is finished")
    public Response cancel(@PathParam("import_id") String id,
            @RequestBody(content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary", description = "none: it is read and dropped"))) InputStream body) {
        org.switchboard.JsonBodies.ignore(body);
        return ok(id, () -> imports.cancel(accountId, id));
    }

    /** The rows it refused, in row order: {@code offset}, {@code limit} (100 unless said, at most 1000). */
    @GET
    @Path("{import_id}/errors")
    public Response errors(@PathParam("import_id") String id, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        admin.account(accountId);
        ImportView view = found(id, imports.find(accountId, id));
        JsonArrayBuilder errors = JSON.createArrayBuilder();
        imports.errors(accountId, id, offset == null ? 0 : Math.max(0, offset),
                limit == null ? 100 : Math.max(1, Math.min(limit, 1000))).orElseThrow()
                .forEach(e -> errors.add(JSON.createObjectBuilder().add("row", e.row()).add("message", e.message())));
        return Response.ok(JSON.createObjectBuilder().add("total", view.errors()).add("errors", errors).build()
                .toString()).build();
    }

    private Response ok(String id, Supplier<Optional<ImportView>> call) {
        admin.account(accountId);
        try {
            return Response.ok(json(found(id, call.get())).toString()).build();
        } catch (ImportConflict e) {
            throw ApiException.of(Response.Status.CONFLICT, e.getMessage());
        }
    }

    private ImportView found(String id, Optional<ImportView> view) {
        return view.orElseThrow(() -> ApiException.notFound("Import " + id + " not found in account " + accountId));
    }

    /** The API's shape of an import. */
    static JsonObject json(ImportView view) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", view.id())
                .add("state", view.state().name().toLowerCase(Locale.ROOT))
                .add("format", view.format())
                .add("size_bytes", view.sizeBytes())
                .add("columns", view.columns())
                .add("guess", view.guess())
                .add("progress", view.percent())
                .add("counts", JSON.createObjectBuilder()
                        .add("rows", view.rowsTotal())
                        .add("checked", view.rowsChecked())
                        .add("done", view.created() + view.updated())
                        .add("created", view.created())
                        .add("updated", view.updated())
                        .add("errors", view.errors()))
                .add("created_at", view.createdAt().toString());
        if (view.fileName() != null) {
            json.add("file_name", view.fileName());
        }
        if (view.settings() != null) {
            json.add("settings", view.settings());
        }
        if (view.groupKey() != null) {
            json.add("group_key", view.groupKey());
        }
        time(json, "started_at", view.startedAt());
        time(json, "finished_at", view.finishedAt());
        if (view.failure() != null) {
            json.add("failure", view.failure());
        }
        return json.build();
    }

    private static void time(JsonObjectBuilder json, String name, Instant at) {
        if (at != null) {
            json.add(name, at.toString());
        }
    }
}
