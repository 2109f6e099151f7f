package org.switchboard.accounts.rest;

import org.switchboard.errors.ApiException;
import org.switchboard.security.Allowed;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.switchboard.security.Roles;
import static org.switchboard.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.ws.rs.PATCH;
import java.time.Duration;
import java.time.Instant;
import org.switchboard.metrics.MetricService;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.switchboard.json.StrictRecords;
import org.switchboard.accounts.AccountService;

/**
 * The operator's API: accounts and their metrics (channels: ChannelAdminResource; conversations:
 * ConversationAdminResource). Authenticated with
 * {@code Authorization: Bearer <switchboard.admin.token>}.
 */
@Allowed(Roles.OPERATOR)
@Path("api/admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class AdminResource {

    @Inject
    private AdminAuth admin;

    @Inject
    private MetricService metrics;

    @Inject
    private AccountService accounts;

    /** {@code {name}}: a new account. */
    @Schema(name = "NewAccount")
    public record NewAccount(String name) {
    }

    @POST
    @APIResponse(responseCode = "201", description = "The account, with its API token shown once", content = @Content(schema = @Schema(ref = "CreatedAccount")))
    public Response createAccount(
            @RequestBody(content = @Content(schema = @Schema(ref = "NewAccount"))) JsonObject body) {
        NewAccount request = StrictRecords.read(body, NewAccount.class);
        AccountService.NewAccount created = accounts.create(AdminAuth.required("name", request.name()));
        return Response.status(Response.Status.CREATED).entity(JSON.createObjectBuilder()
                .add("id", created.account().id())
                .add("name", created.account().name())
                .add("account_key", created.account().accountKey())
                .add("api_token", created.apiToken())
                .build().toString()).build();
    }

    /**
     * Vumi Go's account flags; a flag left out (or null) stays as it is. Wire records name their components as the
     * wire does: Payara's OpenAPI reads record components, not JSON-B's names.
     */
    @Schema(name = "AccountFlags")
    public record AccountFlags(Boolean can_manage_optouts, Boolean disable_optouts) {
    }

    /** The account as the operator API shows it. */
    public record AccountFlagsView(String id, String name, boolean can_manage_optouts, boolean disable_optouts) {

        static AccountFlagsView of(org.switchboard.accounts.AccountView account) {
            return new AccountFlagsView(account.id(), account.name(), account.canManageOptouts(),
                    account.optoutsDisabled());
        }
    }

    /** {@code {can_manage_optouts, disable_optouts}}: the account's flags (Vumi Go's). */
    @PATCH
    @Path("{account_id}")
    public AccountFlagsView updateAccount(@PathParam("account_id") String accountId,
            @RequestBody(content = @Content(schema = @Schema(ref = "AccountFlags"))) JsonObject body) {
        admin.account(accountId);
        AccountFlags flags = StrictRecords.read(body, AccountFlags.class);
        if (flags.can_manage_optouts() == null && flags.disable_optouts() == null) {
            throw new IllegalArgumentException("Send at least one of the account's flags 'can_manage_optouts',"
                    + " 'disable_optouts' as true or false");
        }
        return accounts.setFlags(accountId, flags.can_manage_optouts(), flags.disable_optouts())
                .map(AccountFlagsView::of)
                .orElseThrow(() -> ApiException.notFound("Account " + accountId + " not found"));
    }

    /** The values fired for a metric over the last {@code hours} (24 unless said), oldest first. */
    @GET
    @Path("{account_id}/metrics/{store}/{name}")
    @APIResponse(responseCode = "200", description = "The points, oldest first", content = @Content(schema = @Schema(ref = "MetricPoints")))
    public Response metric(@PathParam("account_id") String accountId, @PathParam("store") String store,
            @PathParam("name") String name, @QueryParam("hours") Integer hours) {
        admin.account(accountId);
        JsonArrayBuilder points = JSON.createArrayBuilder();
        metrics.points(accountId, store, name,
                Instant.now().minus(Duration.ofHours(hours == null ? 24 : Math.max(1, hours))))
                .forEach(p -> points.add(JSON.createObjectBuilder()
                        .add("timestamp", p.firedAt().toString())
                        .add("value", p.value())
                        .add("agg", p.aggregator())));
        return Response.ok(JSON.createObjectBuilder().add("store", store).add("name", name).add("points", points)
                .build().toString()).build();
    }
}
