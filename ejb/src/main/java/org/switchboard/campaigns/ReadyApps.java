package org.switchboard.campaigns;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.switchboard.contacts.Contact;
import org.switchboard.contacts.ContactService;
import org.switchboard.conversations.AppConfigs;
import org.switchboard.conversations.Conversation;
import org.switchboard.engine.MessageService;
import org.switchboard.messages.Message;
import org.switchboard.optouts.OptOutService;

/**
 * The ready-made apps' answers to an inbound message, in the routing transaction (a reply is stored with it and sent
 * after its commit), as Vumi Go's workers answered ({@code go/apps/<app>/vumi_app.py}).
 */
@Stateless
public class ReadyApps {

    private static final Logger LOG = Logger.getLogger(ReadyApps.class.getName());
    /** The address type of the numbers SMS and USSD arrive from (Vumi Go's opt-outs are by msisdn). */
    static final String MSISDN = "msisdn";

    @Inject
    private MessageService messages;

    @Inject
    private OptOutService optOuts;

    @Inject
    private ContactService contacts;

    /** The app's answer to the message; false when it has none (a send-only app: the message is stored only). */
    public boolean inbound(Conversation conversation, Message message) {
        switch (conversation.getType()) {
            case STATIC_REPLY -> staticReply(conversation, message);
            case OPT_OUT -> optOut(conversation, message);
            case SUBSCRIPTION -> subscription(conversation, message);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Vumi Go's static_reply: {@code reply_text} back, closing the session; nothing when the text is empty. */
    private void staticReply(Conversation conversation, Message message) {
        String text = AppConfigs.read(conversation, AppConfigs.StaticReply.class).replyText();
        if (text != null && !text.isEmpty()) {
            messages.reply(message.getAccountId(), message.getId(), text, false);
        }
    }

    /**
     * Vumi Go's opt_out: the sender's address is opted out (kept with the message that asked), and the reply says so;
     * to an http_api client as JSON {@code {"msisdn": ..., "opted_in": false}}.
     */
    private void optOut(Conversation conversation, Message message) {
        optOuts.optOut(message.getAccountId(), MSISDN, message.getFromAddr(), message.getId());
        String reply = "http_api".equals(message.getTransportType())
                ? JSON.createObjectBuilder().add("msisdn", message.getFromAddr()).add("opted_in", false).build()
                        .toString()
                : AppConfigs.read(conversation, AppConfigs.OptOut.class).reply();
        messages.reply(message.getAccountId(), message.getId(), reply, false);
    }

    /**
     * Vumi Go's subscription: the first word of the message, matched to a handler's keyword without regard to case,
     * sets the sender's {@code subscription[campaign_name]} to {@code subscribed} or {@code unsubscribed} (the contact
     * is made from the address if there is none) and replies {@code reply_copy}. A message that matches no handler is
     * stored only.
     */
    private void subscription(Conversation conversation, Message message) {
        String word = firstWord(message.getContent());
        Optional<AppConfigs.Handler> handler = AppConfigs.read(conversation, AppConfigs.Subscription.class).list()
                .stream()
                .filter(h -> h.keyword().strip().toLowerCase(Locale.ROOT).equals(word))
                .findFirst();
        if (handler.isEmpty()) {
            LOG.fine(() -> "Subscription " + conversation.getId() + ": no handler for '" + word + "'");
            return;
        }
        AppConfigs.Handler h = handler.get();
        Contact contact = contacts.getOrCreate(message.getAccountId(), "sms", message.getFromAddr(), new boolean[1]);
        contacts.updateSubscriptions(contact, JSON.createObjectBuilder()
                .add(h.campaignName(), h.subscribes() ? "subscribed" : "unsubscribed").build());
        if (h.replyCopy() != null && !h.replyCopy().isEmpty()) {
            messages.reply(message.getAccountId(), message.getId(), h.replyCopy(), false);
        }
    }

    /** The first word, lower case: Vumi Go's {@code content.strip().split()[0]}; "" for an empty message. */
    public static String firstWord(String content) {
        if (content == null) {
            return "";
        }
        String stripped = content.strip();
        if (stripped.isEmpty()) {
            return "";
        }
        return stripped.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    }
}
