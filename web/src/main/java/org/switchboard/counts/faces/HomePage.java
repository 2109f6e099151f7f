package org.switchboard.counts.faces;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.switchboard.conversations.ConversationView;
import org.switchboard.conversations.ConversationService;
import org.switchboard.counts.Counts;
import org.switchboard.counts.MessageCounts;
import org.switchboard.ui.Charts;
import org.switchboard.ui.Ui;

/**
 * The account's home page: its messages in and out a day over 30 days (a chart, from the counts' roll-ups, never a
 * scan of the messages), the month's delivery and failure rates, and its conversations.
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
    Ui ui;

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

    public List<ConversationView> getConversations() {
        return list;
    }
}
