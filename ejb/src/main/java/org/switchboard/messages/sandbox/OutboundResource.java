package org.switchboard.messages.sandbox;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.routes.Routes;
import org.switchboard.channels.Channel;
import org.switchboard.messages.Message;
import org.switchboard.engine.MessageService;
import org.switchboard.messages.OutboundRequest;
import org.switchboard.sandbox.AppScope;
import org.switchboard.sandbox.SandboxResource;
import org.switchboard.sandbox.api.SandboxHost.UnknownCommandException;

/**
 * The {@code outbound} resource, as Vumi Go's GoOutboundResource: replies to a message or its group, and messages to
 * an endpoint of the conversation or from a tag (a channel address) of the account. Apps may set only the
 * {@code helper_metadata} fields the operator allows.
 */
@ApplicationScoped
public class OutboundResource implements SandboxResource {

    @Inject
    private Routes routes;

    @Inject
    MessageService messages;

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "switchboard.sandbox.outbound.allowed-helper-metadata", defaultValue = " ")
    List<String> allowedHelperMetadata;

    @Override
    public String name() {
        return "outbound";
    }

    @Override
    public JsonObject handle(String command, JsonObject fields, AppScope app) throws UnknownCommandException {
        String channelData = helperMetadata(fields);
        switch (command) {
            case "reply_to" :
            case "reply_to_group" : {
                String inReplyTo = SandboxResource.required(fields, "in_reply_to");
                Message trigger = app.inbound();
                if (trigger != null && trigger.isPushTrigger() && trigger.getId().equals(inReplyTo)) {
                    if (command.equals("reply_to_group")) {
                        throw new IllegalArgumentException("Message " + inReplyTo + " did not come from a group");
                    }
                    pushed(app, trigger, fields, channelData);
                    return SandboxResource.success().build();
                }
                Message inbound = messages.find(app.accountId(), inReplyTo)
                        .orElseThrow(() -> new IllegalArgumentException("Message " + inReplyTo + " not found"));
                boolean continueSession = fields.getBoolean("continue_session", true);
                if (command.equals("reply_to")) {
                    messages.reply(app.accountId(), inReplyTo, content(fields), continueSession, channelData)
                            .setConversationId(app.conversationId());
                } else {
                    if (inbound.getGroup() == null) {
                        throw new IllegalArgumentException("Message " + inReplyTo + " did not come from a group");
                    }
                    messages.submit(em.find(Channel.class, inbound.getChannelId()), new OutboundRequest(null, null,
                            inbound.getGroup(), null, content(fields), null, null, channelData, continueSession))
                            .setConversationId(app.conversationId());
                }
                return SandboxResource.success().build();
            }
            case "send_to_endpoint" : {
                String endpoint = SandboxResource.required(fields, "endpoint");
                Channel channel = routes.of(app.accountId()).channelFor(app.conversationId(), endpoint)
                        .map(id -> em.find(Channel.class, id))
                        .orElseThrow(() -> new IllegalArgumentException("Endpoint '" + endpoint
                                + "' of the conversation goes to no channel in the routing table"));
                send(app, channel, fields, channelData);
                return SandboxResource.success().build();
            }
            case "send_to_tag" : {
                SandboxResource.required(fields, "tagpool");
                String tag = SandboxResource.required(fields, "tag");
                Channel channel = channel(app, "c.address = :tag", Map.of("tag", tag))
                        .orElseThrow(() -> new IllegalArgumentException("Tag '" + tag
                                + "' is not a channel of the account"));
                send(app, channel, fields, channelData);
                return SandboxResource.success().build();
            }
            default :
                throw SandboxResource.unknown(name(), command);
        }
    }

    /**
     * The app's answer to a push trigger (Vumi Go turned these into sends): sent to the recipient on the push's channel,
     * starting a session, and counted with the push (its batch).
     */
    private void pushed(AppScope app, Message trigger, JsonObject fields, String channelData) {
        Channel channel = em.find(Channel.class, trigger.getChannelId());
        if (channel == null) {
            throw new IllegalArgumentException("The push's channel " + trigger.getChannelId() + " was deleted");
        }
        boolean continueSession = fields.getBoolean("continue_session", true);
        Message sent = messages.submit(channel, new OutboundRequest(trigger.getFromAddr(), null, null, null,
                content(fields), null, null, channelData, continueSession, continueSession ? "new" : "close",
                OutboundRequest.Rules.DEFAULT));
        sent.setConversationId(app.conversationId());
        sent.setBatchId(trigger.getBatchId());
    }

    private void send(AppScope app, Channel channel, JsonObject fields, String channelData) {
        messages.submit(channel, new OutboundRequest(SandboxResource.required(fields, "to_addr"), null, null, null,
                content(fields), null, null, channelData, true)).setConversationId(app.conversationId());
    }

    private Optional<Channel> channel(AppScope app, String where, Map<String, String> parameters) {
        var query = em.createQuery("select c from Channel c where c.accountId = :account and " + where
                + " order by c.id", Channel.class)
                .setParameter("account", app.accountId());
        parameters.forEach(query::setParameter);
        return query.setMaxResults(1).getResultStream().findFirst();
    }

    private static String content(JsonObject fields) {
        JsonValue content = fields.get("content");
        if (content == null || content == JsonValue.NULL) {
            return null;
        }
        if (!(content instanceof JsonString text)) {
            throw new IllegalArgumentException("content must be a string or null");
        }
        return text.getString();
    }

    /** The allowed helper_metadata as the message's channel data; {} and null are always fine. */
    private String helperMetadata(JsonObject fields) {
        JsonValue helper = fields.get("helper_metadata");
        if (helper == null || helper == JsonValue.NULL) {
            return null;
        }
        if (!(helper instanceof JsonObject metadata)) {
            throw new IllegalArgumentException("helper_metadata must be an object");
        }
        for (String key : metadata.keySet()) {
            if (!allowedHelperMetadata.contains(key)) {
                throw new IllegalArgumentException("helper_metadata field '" + key + "' is not allowed; allowed: "
                        + allowedHelperMetadata.stream().filter(k -> !k.isBlank()).toList());
            }
        }
        return metadata.isEmpty()
                ? null
                : JSON.createObjectBuilder().add("helper_metadata", metadata).build().toString();
    }

}
