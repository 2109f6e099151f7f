package org.switchboard.optouts.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.switchboard.accounts.Account;
import org.switchboard.messages.JunebugJson;
import org.switchboard.optouts.OptOutView;
import org.switchboard.optouts.OptOutService;
import org.switchboard.sandbox.AppScope;
import org.switchboard.sandbox.SandboxResource;
import org.switchboard.sandbox.api.SandboxHost.UnknownCommandException;

/**
 * The {@code optout} resource: {@code status}, {@code count}, {@code optout} and {@code cancel_optout} of the
 * account's opt-outs. As in Vumi Go it is off unless the account may manage opt-outs ({@code can_manage_optouts}).
 */
@ApplicationScoped
public class OptOutResource implements SandboxResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    OptOutService optOuts;

    @Override
    public String name() {
        return "optout";
    }

    @Override
    public JsonObject handle(String command, JsonObject fields, AppScope app) throws UnknownCommandException {
        if (!command.equals("status") && !command.equals("count") && !command.equals("optout")
                && !command.equals("cancel_optout")) {
            throw SandboxResource.unknown(name(), command);
        }
        Account account = em.find(Account.class, app.accountId());
        if (!account.canManageOptouts()) {
            throw new IllegalArgumentException("Opt-outs are not enabled for this account (can_manage_optouts)");
        }
        if (command.equals("count")) {
            return SandboxResource.success().add("count", optOuts.count(app.accountId())).build();
        }
        String type = SandboxResource.required(fields, "address_type");
        String value = SandboxResource.required(fields, "address_value");
        switch (command) {
            case "status" :
                return status(optOuts.find(app.accountId(), type, value));
            case "optout" :
                return status(Optional.of(optOuts.optOut(app.accountId(), type, value,
                        fields.getString("message_id", null))));
            default :
                optOuts.cancel(app.accountId(), type, value);
                return status(Optional.empty());
        }
    }

    private static JsonObject status(Optional<OptOutView> optOut) {
        JsonObjectBuilder reply = SandboxResource.success().add("opted_out", optOut.isPresent());
        optOut.ifPresent(o -> {
            reply.add("created_at", JunebugJson.timestamp(o.createdAt()));
            if (o.messageId() == null) {
                reply.addNull("message_id");
            } else {
                reply.add("message_id", o.messageId());
            }
        });
        return reply.build();
    }
}
