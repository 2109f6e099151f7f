package org.switchboard.routing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Logger;
import org.switchboard.accounts.Ids;
import org.switchboard.campaigns.ReadyApps;
import org.switchboard.channels.Channel;
import org.switchboard.conversations.Conversation;
import org.switchboard.conversations.ConversationSettings;
import org.switchboard.engine.ChannelLogLine;
import org.switchboard.engine.AfterCommit;
import org.switchboard.engine.ChannelActivity;
import org.switchboard.engine.EngineStats.Count;
import org.switchboard.engine.EngineStats;
import org.switchboard.messages.JunebugJson;
import org.switchboard.messages.Message.Status;
import org.switchboard.messages.Message;
import org.switchboard.messages.VumiJson;
import org.switchboard.engine.Push;
import org.switchboard.engine.Pusher;
import org.switchboard.sandbox.SandboxService;
import org.switchboard.routes.Connector;
import org.switchboard.routes.Routes;
import org.switchboard.routes.RoutingTable;
import org.switchboard.streams.StreamHub;

/**
 * Takes an inbound message where the account's routing table sends its channel's messages, through routers
 * ({@link RouterRuns}) to a conversation, once: a jsbox app runs on it in this
 * transaction, and so does a ready-made app ({@link ReadyApps}); a Junebug conversation gets it pushed to the channel's mo_message_url (stored here, sent after the
 * commit, on the durable push path).
 */
@Stateless
public class InboundRouter {

    private static final Logger LOG = Logger.getLogger(InboundRouter.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SandboxService sandbox;

    @Inject
    private Routes routes;

    @Inject
    private RouterRuns routerRuns;

    @Inject
    private Routers routers;

    @Inject
    private ReadyApps readyApps;

    @Inject
    private Pusher pusher;

    @Inject
    private AfterCommit afterCommit;

    @Inject
    private StreamHub streams;

    @Inject
    private EngineStats stats;

    @Inject
    private ChannelActivity activity;

    public void route(String messageId) {
        Message message = em.find(Message.class, messageId, LockModeType.PESSIMISTIC_WRITE);
        if (message == null || message.getStatus() != Status.RECEIVED) {
            return; // routed already (its id was queued twice); ids are queued only after their row's commit
        }
        long start = System.nanoTime();
        message.setStatus(Status.ROUTED);
        afterCommit.run(() -> {
            stats.count(Count.INBOUND_ROUTED);
            stats.took(EngineStats.Step.ROUTE, System.nanoTime() - start);
        });
        Channel channel = em.find(Channel.class, message.getChannelId());
        RoutingTable table = routes.of(message.getAccountId());
        Optional<RoutingTable.End> end = table.target(Connector.channel(channel.getId()), RoutingTable.DEFAULT);
        Message delivered = message;
        for (int hops = 0; end.isPresent() && end.get().connector().kind() == Connector.Kind.ROUTER_INBOUND; hops++) {
            Routers.RouterView router = routers.routing(end.get().connector().id());
            if (router == null || hops == RoutingTable.MAX_HOPS) {
                end = Optional.empty();
                break;
            }
            Optional<RouterRuns.Forward> forward = routerRuns.route(router, delivered);
            if (forward.isEmpty()) {
                return; // the router answered (an app multiplexer's menu)
            }
            delivered = forward.get().message();
            end = table.target(Connector.routerOutbound(router.id()), forward.get().endpoint());
            if (end.isEmpty()) {
                activity.log(channel.getId(), ChannelLogLine.WARNING, "Inbound message " + messageId + " from "
                        + message.getFromAddr() + " is stored only: router " + router.name() + " sent it to its"
                        + " endpoint '" + forward.get().endpoint() + "', which routes nowhere", null);
                return;
            }
        }
        Conversation conversation = end.filter(e -> e.connector().kind() == Connector.Kind.CONVERSATION)
                .map(e -> em.find(Conversation.class, e.connector().id()))
                .orElse(null);
        if (conversation == null) {
            if (channel.getMoMessageUrl() != null) {
                pushToMoUrl(channel, null, ConversationSettings.Junebug.DEFAULTS, message); // a Junebug channel
                return;
            }
            LOG.fine(() -> "Inbound message " + messageId + " on channel " + channel.getId()
                    + " has no conversation to go to; it is stored only");
            activity.log(channel.getId(), ChannelLogLine.WARNING, "Inbound message " + messageId + " from "
                    + message.getFromAddr() + " is stored only: the routing table sends the channel's messages to no"
                    + " conversation and it has no mo_url", null);
            return;
        }
        message.setConversationId(conversation.getId());
        delivered.setConversationId(conversation.getId()); // the message, or the copy a router forwarded
        switch (conversation.getType()) {
            case JSBOX, DIALOGUE -> sandbox.inboundMessage(conversation, delivered); // a dialogue: the platform's app
            case JUNEBUG -> pushToMoUrl(channel, conversation.getId(), conversation.junebug(), delivered);
            case HTTP_API -> toHttpApiClient(conversation, delivered);
            default -> {
                if (!readyApps.inbound(conversation, delivered)) {
                    activity.log(channel.getId(), ChannelLogLine.INFO, "Inbound message " + messageId + " from "
                            + message.getFromAddr() + " is stored only: its conversation, a "
                            + conversation.getType().wireName() + ", only sends", null);
                }
            }
        }
    }

    /** Vumi Go's HTTP API: the message in Vumi's format to the push_message_url, or to the stream when none is set. */
    private void toHttpApiClient(Conversation conversation, Message message) {
        ConversationSettings.HttpApi settings = conversation.httpApi();
        String json = VumiJson.userMessage(message).toString();
        if (settings.pushesMessages()) {
            Push push = new Push(Ids.ordered(), message.getAccountId(), conversation.getId(), message.getChannelId(),
                    Push.Kind.MESSAGE, message.getId(), settings.pushMessageUrl(), null, json);
            push.setSigningSecret(settings.pushSigningSecret());
            em.persist(push);
            afterCommit.run(() -> pusher.push(push));
        } else if (settings.streamsMessages()) {
            afterCommit.run(() -> streams.publish(conversation.getId(), StreamHub.Kind.MESSAGES, json));
        }
    }

    private void pushToMoUrl(Channel channel, String conversationId, ConversationSettings.Junebug settings,
            Message message) {
        if (channel.getMoMessageUrl() == null) {
            LOG.fine(() -> "Channel " + channel.getId() + " has no mo_message_url; inbound message "
                    + message.getId() + " is stored only");
            activity.log(channel.getId(), ChannelLogLine.WARNING, "Inbound message " + message.getId() + " from "
                    + message.getFromAddr() + " is stored only: the channel has no mo_url", null);
            return;
        }
        Push push = new Push(Ids.ordered(), message.getAccountId(), conversationId, channel.getId(),
                Push.Kind.MESSAGE, message.getId(), channel.getMoMessageUrl(), channel.getMoMessageUrlAuthToken(),
                JunebugJson.message(message).toString());
        push.setTimeoutSeconds(settings.moMessageUrlTimeout());
        push.setSigningSecret(settings.pushSigningSecret());
        em.persist(push);
        afterCommit.run(() -> pusher.push(push));
    }
}
