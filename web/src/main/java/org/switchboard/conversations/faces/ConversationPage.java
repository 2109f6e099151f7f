package org.switchboard.conversations.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.switchboard.channels.ChannelService;
import org.switchboard.channels.ChannelView;
import org.switchboard.conversations.Conversation;
import org.switchboard.conversations.ConversationService;
import org.switchboard.conversations.ConversationView;
import org.switchboard.counts.Counts;
import org.switchboard.counts.MessageCounts;
import org.switchboard.routes.Routes;
import org.switchboard.ui.Charts;
import org.switchboard.ui.Ui;

/**
 * A conversation's page: what it is, and its reports as Vumi Go's default dashboard drew them (four counters; messages
 * sent and received over 24 hours in 15 minutes, and over 30 days with the unique senders and recipients of each
 * day), from the counts' roll-ups. Its sends are {@link BulkSendPanel}'s.
 */
@Named
@ViewScoped
public class ConversationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ConversationService conversations;

    @Inject
    transient MessageCounts counts;

    @Inject
    transient Routes routes;

    @Inject
    transient ChannelService channels;

    @Inject
    transient Dashboards dashboards;

    @Inject
    Ui ui;

    /** What can be done with the conversation from here, and why not when it cannot. */
    public record Action(String id, String label, String outcome, String disabledBecause) implements Serializable {
    }

    private String id;
    private transient ConversationView conversation;
    private transient MessageCounts.Report day;
    private transient MessageCounts.Report month;
    private transient List<String> channelAddresses;

    /** The view's action: the conversation of the account, or the home page for one it does not have. */
    public void load() {
        String accountId = ui.getSignedIn().accountId();
        conversation = id == null ? null : conversations.view(accountId, id).orElse(null);
        if (conversation == null) {
            ui.notFound("No such conversation in " + ui.getSignedIn().accountName());
            return;
        }
        Instant now = Instant.now();
        day = counts.conversation(accountId, id, MessageCounts.Size.QUARTER, now.minus(Duration.ofHours(24)), now);
        Instant tomorrow = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        month = counts.conversation(accountId, id, MessageCounts.Size.DAY, tomorrow.minus(Duration.ofDays(30)),
                tomorrow);
        Map<String, String> addresses = channels.views(accountId).stream()
                .collect(Collectors.toMap(ChannelView::id, ChannelView::address));
        channelAddresses = routes.of(accountId).channelsOf(id).stream().map(c -> addresses.getOrDefault(c, c))
                .sorted().toList();
    }

    /** The addresses of the channels its sends leave by (the routing table's). */
    public List<String> getChannels() {
        getConversation();
        return channelAddresses;
    }

    /** Vumi Go's list of a conversation's actions, a disabled one with its reason. */
    public List<Action> getActions() {
        Conversation.Type type = getConversation().type();
        String noChannel = channelAddresses.isEmpty()
                ? "No channel carries its messages yet: join one to it on the routing page"
                : null;
        List<Action> actions = new java.util.ArrayList<>();
        if (type == Conversation.Type.BULK_MESSAGE) {
            actions.add(new Action("action-send", "Send a message", null, noChannel));
        } else if (type == Conversation.Type.JSBOX || type == Conversation.Type.DIALOGUE) {
            actions.add(new Action("action-push", "Push the app to groups", null, noChannel));
        }
        if (type == Conversation.Type.JSBOX) {
            actions.add(new Action("action-app", "Edit the code, config and log", "/app", null));
        } else if (type == Conversation.Type.DIALOGUE) {
            actions.add(new Action("action-poll", "Build the poll", "/poll", null));
        } else if (type.readyMade() && type != Conversation.Type.BULK_MESSAGE && type != Conversation.Type.DIALOGUE) {
            actions.add(new Action("action-app", "Edit the settings", "/app", null));
        }
        actions.add(new Action("action-messages", "View messages", "/messages", null));
        return actions;
    }

    /** Whether the conversation is a jsbox whose config lays out its own reports (they replace the default ones). */
    public boolean isCustomReports() {
        return getConversation().type() == Conversation.Type.JSBOX
                && Dashboards.layout(getConversation().config()) != null;
    }

    /** The jsbox's reports, read now (the page asks again every few seconds while it is open). */
    public List<Dashboards.Row> getDashboard() {
        return dashboards.draw(ui.getSignedIn().accountId(), id, Dashboards.layout(getConversation().config()),
                Instant.now());
    }

    /** Distinct recipients and senders today (Vumi Go's counters were of one day). */
    public Long getUniqueRecipientsToday() {
        return today().uniqueRecipients();
    }

    public Long getUniqueSendersToday() {
        return today().uniqueSenders();
    }

    private Counts today() {
        getConversation();
        return month.latest();
    }

    public ConversationView getConversation() {
        if (conversation == null) {
            load();
        }
        return conversation;
    }

    /** Whether the conversation sends to groups from this page (a bulk_message's text, a jsbox's or dialogue's app). */
    public boolean isSends() {
        Conversation.Type type = getConversation().type();
        return type == Conversation.Type.BULK_MESSAGE || type == Conversation.Type.JSBOX
                || type == Conversation.Type.DIALOGUE;
    }

    public Counts getMonth() {
        getConversation();
        return month.total();
    }

    public String getDayChart() {
        getConversation();
        return Charts.lines(day.buckets(), MessageCounts.Bucket::start, Charts.TIMES,
                new Charts.Series<>("Sent", b -> b.counts().sent()),
                new Charts.Series<>("Received", b -> b.counts().received()));
    }

    public String getMonthChart() {
        getConversation();
        return Charts.lines(month.buckets(), MessageCounts.Bucket::start, Charts.DAYS,
                new Charts.Series<>("Sent", b -> b.counts().sent()),
                new Charts.Series<>("Received", b -> b.counts().received()),
                new Charts.Series<>("Unique recipients", b -> nullToZero(b.counts().uniqueRecipients())),
                new Charts.Series<>("Unique senders", b -> nullToZero(b.counts().uniqueSenders())));
    }

    public String getAckRate() {
        getConversation();
        return Charts.percent(month.total().acks(), month.total().sent());
    }

    public String getDeliveryRate() {
        getConversation();
        return Charts.percent(month.total().delivered(), month.total().sent());
    }

    private static long nullToZero(Long value) {
        return value == null ? 0 : value;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
