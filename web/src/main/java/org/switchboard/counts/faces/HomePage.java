package org.switchboard.counts.faces;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.switchboard.channels.ChannelService;
import org.switchboard.channels.ChannelView;
import org.switchboard.conversations.ConversationView;
import org.switchboard.conversations.ConversationService;
import org.switchboard.counts.Counts;
import org.switchboard.counts.MessageCounts;
import org.switchboard.ui.Charts;
import org.switchboard.ui.Ui;

/**
 * The account's home page: its messages in and out a day over 30 days (a chart, from the counts' roll-ups, never a
 * scan of the messages), the month's delivery and failure rates, its recent errors and its conversations.
 */
@Named
@RequestScoped
public class HomePage {

    static final int DAYS = 30;

    @Inject
    MessageCounts counts;

    @Inject
    ConversationService conversations;

    @Inject
    ChannelService channels;

    @Inject
    Ui ui;

    /** How many of the account's recent errors the page lists. */
    static final int ERRORS = 8;

    private List<Problem> recentErrors;

    /** A recent error: when, on which channel, what. */
    public record Problem(Instant at, String channel, String message) {
    }

    private MessageCounts.Report month;
    private List<ConversationView> list;

    @PostConstruct
    void load() {
        String accountId = ui.getSignedIn().accountId();
        Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        month = counts.account(accountId, MessageCounts.Size.DAY, tomorrow.minus(Duration.ofDays(DAYS)), tomorrow);
        list = conversations.list(accountId, 500);
    }

    /** The chart's Chart.js configuration: received and sent a day. */
    public String getChart() {
        return Charts.lines(month.buckets(), MessageCounts.Bucket::start, Charts.DAYS,
                new Charts.Series<>("Received", day -> day.counts().received()),
                new Charts.Series<>("Sent", day -> day.counts().sent()));
    }

    public Counts getTotal() {
        return month.total();
    }

    /** Delivered as a share of sent, in per cent (Vumi Go's ack/nack/delivered rates were of sent). */
    public String getDeliveryRate() {
        return Charts.percent(month.total().delivered(), month.total().sent());
    }

    /** Refused by the vendor, or failed in delivery, as a share of sent. */
    public String getFailureRate() {
        return Charts.percent(month.total().nacks() + month.total().deliveryFailed(), month.total().sent());
    }

    /**
     * The account's recent errors: its channels' newest warnings and errors (a vendor's refusal, a send given up, a
     * webhook that failed its check), newest first.
     */
    public List<Problem> getRecentErrors() {
        if (recentErrors == null) {
            recentErrors = readRecentErrors();
        }
        return recentErrors;
    }

    private List<Problem> readRecentErrors() {
        List<Problem> problems = new ArrayList<>();
        String accountId = ui.getSignedIn().accountId();
        for (ChannelView channel : channels.views(accountId)) {
            channels.logs(accountId, channel.id(), 50).orElse(List.of()).stream()
                    .filter(line -> line.level() >= 30)
                    .forEach(line -> problems.add(new Problem(line.timestamp(), channel.address(),
                            line.message() + (line.reason() == null ? "" : ": " + line.reason()))));
        }
        problems.sort(Comparator.comparing(Problem::at).reversed());
        return problems.subList(0, Math.min(ERRORS, problems.size()));
    }

    public List<ConversationView> getConversations() {
        return list;
    }
}
