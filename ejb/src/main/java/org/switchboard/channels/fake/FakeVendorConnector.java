package org.switchboard.channels.fake;

import org.switchboard.validation.Checks;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.switchboard.accounts.Ids;
import org.switchboard.channels.Channel;
import org.switchboard.channels.VendorConnector;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageService;

/** The fake vendor's connector: records what it was sent and answers as {@link FakeVendorRules} say. */
@Stateless
@LocalBean
public class FakeVendorConnector implements VendorConnector {

    public static final String NAME = "fake";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MessageService messages;

    @Override
    public Result send(Channel channel, Message message) {
        String text = message.getContent();
        hold(FakeVendorRules.delayMillis(text));
        Optional<String> error = FakeVendorRules.errorCode(text);
        if (error.isPresent()) {
            return Result.refused("error" + error.get() + ": the fake vendor refused the message as asked");
        }
        FakeVendorMessage received = new FakeVendorMessage("fake-" + Ids.hex(), channel.getId(), message.getId(),
                message.getToAddr(), message.getFromAddr(), text, message.getSessionEvent());
        em.persist(Checks.valid(received));
        // a reply never triggers another response, or an app that echoes would talk to the fake phone for ever
        if (FakeVendorRules.autorespond(text) && message.getInReplyTo() == null) {
            messages.receiveInbound(channel, message.getToAddr(), message.getFromAddr(),
                    FakeVendorRules.response(text), null);
        }
        return Result.accepted(received.getId());
    }

    /** What the fake vendor was sent on a channel, oldest first. */
    public List<FakeVendorMessage> received(String channelId) {
        return em.createNamedQuery("FakeVendorMessage.findByChannel", FakeVendorMessage.class)
                .setParameter("channelId", channelId)
                .getResultList();
    }

    private static void hold(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
