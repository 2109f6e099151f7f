package org.switchboard.optouts.rest;

import org.switchboard.accounts.AccountView;
import org.switchboard.security.Allowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.switchboard.errors.ApiException;
import org.switchboard.errors.ErrorFormat;
import org.switchboard.errors.Errors;
import org.switchboard.messages.JunebugJson;
import org.switchboard.optouts.OptOutView;
import org.switchboard.optouts.OptOutService;
import org.switchboard.security.ApiAuthentication;
import org.switchboard.security.Roles;

/**
 * An account's opt-outs as Vumi Go's REST API and the go-http {@code OptOutsApiClient} have them:
 * {@code GET/PUT/DELETE /api/v1/go/optouts/{address_type}/{address}} answer {@code {"opt_out": {...}}} (404 when there
 * is none), {@code GET /api/v1/go/optouts/count} answers {@code {"opt_out_count": n}}. The account's API token as a
 * Bearer token (or HTTP Basic with its key). The same opt-outs the sandbox's {@code optout} resource reads and writes.
 */
@Path("api/v1/go/optouts")
@Allowed(Roles.ACCOUNT)
@Errors(ErrorFormat.GO_REST)
@Produces(MediaType.APPLICATION_JSON)
public class OptOutsResource {

    @Inject
    OptOutService optouts;

    @Context
    HttpServletRequest request;

    /** An opt-out as Vumi Go shows it (a null message is written as null). */
    @JsonbNillable
    public record OptOutJson(String created_at, String message, String user_account) {
    }

    /** {@code {"opt_out": {...}}}. */
    public record OptOutReply(OptOutJson opt_out) {
    }

    /** {@code {"opt_out_count": n}}. */
    public record CountReply(long opt_out_count) {
    }

    @GET
    @Path("count")
    @Operation(summary = "How many addresses the account has opted out")
    public CountReply count() {
        return new CountReply(optouts.count(account().id()));
    }

    @GET
    @Path("{address_type}/{address}")
    @Operation(summary = "The opt-out of an address; 404 when it is not opted out")
    public OptOutReply get(@PathParam("address_type") String type, @PathParam("address") String address) {
        return reply(optouts.find(account().id(), type, address).orElseThrow(() -> notFound(type, address)));
    }

    @PUT
    @Path("{address_type}/{address}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Opts an address out (an address already opted out keeps its first opt-out)")
    public OptOutReply put(@PathParam("address_type") String type, @PathParam("address") String address,
            InputStream ignored) throws IOException {
        ignored.transferTo(OutputStream.nullOutputStream()); // go-http sends none; whatever is sent is read, not kept
        return reply(optouts.optOut(account().id(), type, address, null));
    }

    @DELETE
    @Path("{address_type}/{address}")
    @Operation(summary = "Opts an address back in; answers the opt-out it had, 404 when it had none")
    public OptOutReply delete(@PathParam("address_type") String type, @PathParam("address") String address) {
        OptOutView optOut = optouts.find(account().id(), type, address).orElseThrow(() -> notFound(type, address));
        optouts.cancel(account().id(), type, address);
        return reply(optOut);
    }

    private OptOutReply reply(OptOutView optOut) {
        return new OptOutReply(new OptOutJson(JunebugJson.timestamp(optOut.createdAt()), optOut.messageId(),
                account().accountKey()));
    }

    private AccountView account() {
        return (AccountView) request.getAttribute(ApiAuthentication.ACCOUNT);
    }

    private static ApiException notFound(String type, String address) {
        return ApiException.notFound("opt-out", "Opt out not found: " + type + " " + address);
    }
}
