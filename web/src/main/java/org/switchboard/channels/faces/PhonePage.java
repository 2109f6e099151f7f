package org.switchboard.channels.faces;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.switchboard.channels.ChannelService;
import org.switchboard.channels.ChannelView;
import org.switchboard.channels.fake.FakeVendorConnector;
import org.switchboard.channels.fake.FakeVendorOutbox;
import org.switchboard.engine.MessageIntake;
import org.switchboard.ui.Messages;
import org.switchboard.ui.Ui;

/**
 * A phone in the browser: on one of the account's fake-vendor channels, a number types as a phone would (an SMS, or a
 * USSD session: dial, answer, hang up) and sees what comes back as it arrives (the page asks every second), so an app
 * can be tried before a real number exists (RapidPro's simulator; Vumi Go had none).
 */
@Named
@ViewScoped
public class PhonePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ChannelService channels;

    @Inject
    transient MessageIntake messages;

    @Inject
    transient FakeVendorOutbox vendor;

    @Inject
    Ui ui;

    /** A line of the conversation: who spoke, what, when. */
    public record Line(boolean phone, String text, String sessionEvent, Instant at) implements Serializable {
    }

    private String channelId;
    private String number = "+27830000001";
    private String text;
    private Instant since = Instant.now();
    private final List<Line> typed = new ArrayList<>();

    /** The account's channels on the fake vendor. */
    public List<SelectItem> getChannels() {
        return channels.views(ui.getSignedIn().accountId()).stream()
                .filter(c -> FakeVendorConnector.NAME.equals(c.vendor()))
                .map(c -> new SelectItem(c.id(), c.address() + " (" + c.transportType() + ")"))
                .toList();
    }

    /** Sends what was typed: an SMS ({@code null}), or a USSD session's {@code new}, {@code resume} or {@code close}. */
    public void send(String sessionEvent) {
        if (!ui.mayChange()) {
            return;
        }
        ChannelView channel = channel();
        if (channel == null) {
            Messages.error("Choose a channel on the fake vendor first");
            return;
        }
        String content = text == null || text.isBlank() ? null : text;
        if (content == null && sessionEvent == null) {
            Messages.error("Type a message first");
            return;
        }
        if (Messages.attempt(() -> messages.receiveInboundAt(channel, number, content, sessionEvent)) != null) {
            typed.add(new Line(true, content, sessionEvent, Instant.now()));
            text = null;
        }
    }

    /** Starts over: a new conversation from now. */
    public void clear() {
        typed.clear();
        since = Instant.now();
    }

    /** What the phone typed and what it was sent, in time order. */
    public List<Line> getLines() {
        List<Line> lines = new ArrayList<>(typed);
        ChannelView channel = channel();
        if (channel != null && number != null) {
            vendor.sentTo(channel.id(), number, since, 200).forEach(m -> lines.add(new Line(false, m.content(),
                    m.sessionEvent(), m.receivedAt())));
        }
        lines.sort(Comparator.comparing(Line::at));
        return lines;
    }

    private ChannelView channel() {
        return channelId == null
                ? null
                : channels.view(ui.getSignedIn().accountId(), channelId)
                        .filter(c -> FakeVendorConnector.NAME.equals(c.vendor()))
                        .orElse(null);
    }

    public String getChannelId() {
        return channelId;
    }

    public void setChannelId(String channelId) {
        if (channelId != null && !channelId.equals(this.channelId)) {
            clear();
        }
        this.channelId = channelId;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        if (number != null && !number.equals(this.number)) {
            clear();
        }
        this.number = number;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
