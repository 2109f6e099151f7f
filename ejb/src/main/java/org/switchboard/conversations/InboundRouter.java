package org.switchboard.conversations;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.switchboard.channels.Channel;
import org.switchboard.messages.JunebugJson;
import org.switchboard.messages.Message;
import org.switchboard.messages.Message.Status;
import org.switchboard.messages.RowNotVisibleException;
import org.switchboard.messages.WebhookClient;
import org.switchboard.sandbox.SandboxService;

/** Takes an inbound message to the conversation bound to its channel, once. */
@Stateless
public class InboundRouter {

    private static final Logger LOG = Logger.getLogger(InboundRouter.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private WebhookClient webhooks;

    @Inject
    private SandboxService sandbox;

    public void route(String messageId) {
        Message message = em.find(Message.class, messageId, LockModeType.PESSIMISTIC_WRITE);
        if (message == null) {
            throw new RowNotVisibleException("Inbound message " + messageId + " is not visible yet");
        }
        if (message.getStatus() != Status.RECEIVED) {
            return;
        }
        message.setStatus(Status.ROUTED);
        Channel channel = em.find(Channel.class, message.getChannelId());
        Conversation conversation = channel.getConversationId() == null
                ? null
                : em.find(Conversation.class, channel.getConversationId());
        if (conversation == null) {
            LOG.warning(() -> "Inbound message " + messageId + " on channel " + channel.getId()
                    + " has no conversation to go to; it is stored only");
            return;
        }
        switch (conversation.getType()) {
            case JSBOX -> sandbox.inboundMessage(conversation, message);
            case JUNEBUG -> pushToMoUrl(channel, message);
        }
    }

    private void pushToMoUrl(Channel channel, Message message) {
        if (channel.getMoMessageUrl() == null) {
            LOG.warning(() -> "Channel " + channel.getId() + " has no mo_message_url; inbound message "
                    + message.getId() + " is stored only");
            return;
        }
        webhooks.post(channel.getMoMessageUrl(), channel.getMoMessageUrlAuthToken(), JunebugJson.message(message));
    }
}
