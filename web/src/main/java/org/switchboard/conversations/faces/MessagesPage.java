package org.switchboard.conversations.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.switchboard.conversations.ConversationMessages;
import org.switchboard.conversations.ConversationService;
import org.switchboard.conversations.ConversationView;
import org.switchboard.counts.Counts;
import org.switchboard.counts.MessageCounts;
import org.switchboard.ui.Charts;
import org.switchboard.ui.Messages;
import org.switchboard.ui.PerRequest;
import org.switchboard.ui.Ui;

/**
 * A conversation's messages: received and sent, 25 a page by keys (older and newer), each sent one's latest event
 * (accepted, refused with the vendor's reason, delivered), and a reply to a received one; Vumi Go's statistics from
 * the counts' roll-ups (never a scan of the messages): totals, distinct senders and recipients today, messages a
 * minute over the last complete 15 minutes, and the sends' acks, nacks and delivery reports as shares of sent.
 */
@Named
@ViewScoped
public class MessagesPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 25;

    @Inject
    transient ConversationMessages messages;

    @Inject
    transient ConversationService conversations;

    @Inject
    transient MessageCounts counts;

    @Inject
    Ui ui;

    /** The statistics shown. */
    public record Stats(Counts all, Long uniqueSendersToday, Long uniqueRecipientsToday, double receivedPerMinute,
            double sentPerMinute) {
    }

    private final PerRequest<ConversationView> conversation = new PerRequest<>();
    private final PerRequest<Stats> stats = new PerRequest<>();

    /** Where a page starts: after the message at this time with this id (null: the newest). */
    private record Key(Instant at, String id) implements Serializable {
    }

    private String id;
    private boolean sent;
    private Key from;
    private final Deque<Key> earlier = new ArrayDeque<>();
    private String replyTo;
    private String reply;
    private transient List<ConversationMessages.Row> rows;

    public void load() {
        if (id == null || conversations.view(ui.getSignedIn().accountId(), id).isEmpty()) {
            ui.notFound("No such conversation in " + ui.getSignedIn().accountName());
        }
    }

    public ConversationView getConversation() {
        return conversation.get(() -> conversations.view(ui.getSignedIn().accountId(), id).orElse(null));
    }

    public Stats getStats() {
        return stats.get(this::readStats);
    }

    private Stats readStats() {
        String accountId = ui.getSignedIn().accountId();
        Instant now = Instant.now();
        Instant tomorrow = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(java.time.Duration.ofDays(1));
        Instant first = counts.first(accountId, id).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        MessageCounts.Report days = counts.conversation(accountId, id, MessageCounts.Size.DAY, first, tomorrow);
        Counts today = days.latest();
        MessageCounts.Size quarter = MessageCounts.Size.QUARTER;
        Instant end = quarter.floor(now);
        Counts last = counts.conversation(accountId, id, quarter, end.minus(quarter.length), end).total();
        double minutes = quarter.length.toSeconds() / 60.0;
        return new Stats(days.total(), today.uniqueSenders(), today.uniqueRecipients(), last.received() / minutes,
                last.sent() / minutes);
    }

    /** A count as a share of sent, as Vumi Go's send statistics showed it. */
    public String ofSent(long count) {
        return Charts.percent(count, getStats().all().sent());
    }

    public List<ConversationMessages.Row> getRows() {
        if (rows == null) {
            rows = messages.page(ui.getSignedIn().accountId(), id, sent, from == null ? null : from.at(),
                    from == null ? null : from.id(), PAGE);
        }
        return rows;
    }

    public void show(boolean sentOnes) {
        sent = sentOnes;
        from = null;
        earlier.clear();
        replyTo = null;
        rows = null;
    }

    public boolean isOlder() {
        return getRows().size() == PAGE;
    }

    public boolean isNewer() {
        return from != null;
    }

    public void older() {
        List<ConversationMessages.Row> shown = getRows();
        if (shown.size() == PAGE) {
            earlier.push(from == null ? new Key(null, null) : from);
            ConversationMessages.Row last = shown.get(shown.size() - 1);
            from = new Key(last.at(), last.id());
            rows = null;
        }
    }

    public void newer() {
        Key previous = earlier.isEmpty() ? null : earlier.pop();
        from = previous == null || previous.at() == null ? null : previous;
        rows = null;
    }

    /** Opens the reply box under a received message. */
    public void replyTo(String messageId) {
        replyTo = messageId;
        reply = null;
    }

    public void send() {
        if (!ui.mayChange() || replyTo == null) {
            return;
        }
        String text = reply;
        if (Messages.attempt(() -> messages.reply(ui.getSignedIn().accountId(), id, replyTo, text)
                .orElseThrow(() -> new IllegalArgumentException("That message is not this conversation's"))) != null) {
            Messages.info("Your reply is on its way");
            replyTo = null;
            reply = null;
        }
    }

    public static String when(Instant at) {
        return BulkSendPanel.when(at);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Vumi Go's {@code ?direction=inbound|outbound}: which tab the page opens on. */
    public String getDirection() {
        return sent ? "outbound" : "inbound";
    }

    public void setDirection(String direction) {
        sent = "outbound".equals(direction);
    }

    public boolean isSent() {
        return sent;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }
}
