package org.switchboard.counts.faces;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.switchboard.conversations.ConversationView;
import org.switchboard.conversations.ConversationService;
import org.switchboard.counts.Counts;
import org.switchboard.counts.MessageCounts;
import org.switchboard.ui.Ui;

/**
 * The account's home page: its messages in and out a day over 30 days (a chart, from the counts' roll-ups, never a
 * scan of the messages), the month's delivery and failure rates, and its conversations.
 */
@Named
@RequestScoped
public class HomePage {

    static final int DAYS = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM").withZone(ZoneOffset.UTC);

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
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder received = JSON.createArrayBuilder();
        JsonArrayBuilder sent = JSON.createArrayBuilder();
        for (MessageCounts.Bucket day : month.buckets()) {
            labels.add(DAY.format(day.start()));
            received.add(day.counts().received());
            sent.add(day.counts().sent());
        }
        return JSON.createObjectBuilder()
                .add("type", "line")
                .add("data", JSON.createObjectBuilder()
                        .add("labels", labels)
                        .add("datasets", JSON.createArrayBuilder()
                                .add(dataset("Received", received, "#3b82f6"))
                                .add(dataset("Sent", sent, "#10b981"))))
                .add("options", JSON.createObjectBuilder()
                        .add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("scales", JSON.createObjectBuilder().add("y", JSON.createObjectBuilder()
                                .add("beginAtZero", true))))
                .build().toString();
    }

    private static jakarta.json.JsonObjectBuilder dataset(String label, JsonArrayBuilder data, String colour) {
        return JSON.createObjectBuilder().add("label", label).add("data", data).add("borderColor", colour)
                .add("backgroundColor", colour).add("tension", 0.2);
    }

    public Counts getTotal() {
        return month.total();
    }

    /** Delivered as a share of sent, in per cent (Vumi Go's ack/nack/delivered rates were of sent). */
    public String getDeliveryRate() {
        return percent(month.total().delivered(), month.total().sent());
    }

    /** Refused by the vendor, or failed in delivery, as a share of sent. */
    public String getFailureRate() {
        return percent(month.total().nacks() + month.total().deliveryFailed(), month.total().sent());
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "–" : String.format("%.1f %%", 100.0 * part / whole);
    }

    public List<ConversationView> getConversations() {
        return list;
    }
}
