package org.switchboard.exports.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.switchboard.accounts.rest.AdminAuth;
import org.switchboard.errors.ApiException;
import org.switchboard.exports.Exports;
import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;

/** Vumi Go's {@code aggregates.csv}: a conversation's messages per day, {@code ?direction=inbound|outbound}. */
@Allowed(Roles.OPERATOR)
@Path("api/admin/accounts/{account_id}/conversations/{conversation_id}/aggregates.csv")
public class AggregatesResource {

    @Inject
    AdminAuth admin;

    @Inject
    Exports exports;

    @GET
    @Produces("text/csv; charset=utf-8")
    public Response get(@PathParam("account_id") String accountId,
            @PathParam("conversation_id") String conversationId, @QueryParam("direction") String direction) {
        admin.account(accountId);
        if (direction != null && !direction.equals("inbound") && !direction.equals("outbound")) {
            throw ApiException.badRequest("'direction' must be inbound or outbound");
        }
        boolean inbound = "inbound".equals(direction);
        StringBuilder csv = new StringBuilder(inbound ? "date,messages,senders\r\n" : "date,messages,recipients\r\n");
        exports.aggregates(accountId, conversationId, inbound)
                .orElseThrow(() -> ApiException.notFound("Conversation " + conversationId + " not found in account "
                        + accountId))
                .forEach(day -> csv.append(day.date()).append(',').append(day.messages()).append(',')
                        .append(day.addresses()).append("\r\n"));
        return Response.ok(csv.toString()).build();
    }
}
