package org.switchboard.routing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
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
import org.switchboard.streams.StreamHub;

/**
 * Takes an inbound message to the conversation bound to its channel, once: a jsbox app runs on it in this
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
        Conversation conversation = channel.getConversationId() == null
                ? null
                : em.find(Conversation.class, channel.getConversationId());
        if (conversation == null) {
            if (channel.getMoMessageUrl() != null) {
                pushToMoUrl(channel, ConversationSettings.Junebug.DEFAULTS, message); // a Junebug channel of its own
                return;
            }
            LOG.fine(() -> "Inbound message " + messageId + " on channel " + channel.getId()
                    + " has no conversation to go to; it is stored only");
            activity.log(channel.getId(), ChannelLogLine.WARNING, "Inbound message " + messageId + " from "
                    + message.getFromAddr() + " is stored only: the channel has no conversation and no mo_url", null);
            return;
        }
        switch (conversation.getType()) {
            case JSBOX -> sandbox.inboundMessage(conversation, message);
            case JUNEBUG -> pushToMoUrl(channel, conversation.junebug(), message);
            case HTTP_API -> toHttpApiClient(conversation, message);
            default -> {
                if (!readyApps.inbound(conversation, message)) {
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

    private void pushToMoUrl(Channel channel, ConversationSettings.Junebug settings, Message message) {
        if (channel.getMoMessageUrl() == null) {
            LOG.fine(() -> "Channel " + channel.getId() + " has no mo_message_url; inbound message "
                    + message.getId() + " is stored only");
            activity.log(channel.getId(), ChannelLogLine.WARNING, "Inbound message " + message.getId() + " from "
                    + message.getFromAddr() + " is stored only: the channel has no mo_url", null);
            return;
        }
        Push push = new Push(Ids.ordered(), message.getAccountId(), channel.getConversationId(), channel.getId(),
                Push.Kind.MESSAGE, message.getId(), channel.getMoMessageUrl(), channel.getMoMessageUrlAuthToken(),
                JunebugJson.message(message).toString());
        push.setTimeoutSeconds(settings.moMessageUrlTimeout());
        push.setSigningSecret(settings.pushSigningSecret());
        em.persist(push);
        afterCommit.run(() -> pusher.push(push));
    }
}
