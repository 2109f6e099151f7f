package org.switchboard.counts.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.switchboard.accounts.rest.AdminAuth;
import org.switchboard.conversations.ConversationService;
import org.switchboard.counts.MessageCounts;
import org.switchboard.errors.ApiException;
import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;

/** A conversation's message and event counts over time, exact to the rows stored now ({@link CountsResource}). */
@Allowed(Roles.OPERATOR)
@Path("api/admin/accounts/{account_id}/conversations/{conversation_id}/counts")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationCountsResource {

    @Inject
    AdminAuth admin;

    @Inject
    ConversationService conversations;

    @Inject
    MessageCounts counts;

    @GET
    @APIResponse(responseCode = "200", description = "The counts per bucket and their total, exact to now", content = @Content(schema = @Schema(ref = "Counts")))
    public String conversation(@PathParam("account_id") String accountId,
            @PathParam("conversation_id") String conversationId, @QueryParam("bucket") String bucket,
            @QueryParam("start") String start, @QueryParam("end") String end) {
        admin.account(accountId);
        if (conversations.find(accountId, conversationId).isEmpty()) {
            throw ApiException.notFound("Conversation " + conversationId + " not found in account " + accountId);
        }
        CountsResource.Range range = CountsResource.range(bucket, start, end);
        return CountsResource.json(range,
                counts.conversation(accountId, conversationId, range.size(), range.start(), range.end()));
    }

}
