package org.switchboard.channels.faces;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.switchboard.channels.ChannelChange;
import org.switchboard.channels.ChannelService;
import org.switchboard.channels.ChannelView;
import org.switchboard.channels.ServiceVendors;
import org.switchboard.conversations.ConversationService;
import org.switchboard.conversations.ConversationView;
import org.switchboard.engine.ChannelActivity;
import org.switchboard.json.JsonStrings;
import org.switchboard.secrets.Secrets;
import org.switchboard.ui.Messages;
import org.switchboard.ui.PerRequest;
import org.switchboard.ui.Ui;

/**
 * The account's channels: each with its vendor's state as the channel's last answers showed it, its messages and
 * events a second, its limits, where its messages go and its settings (secrets shown as {@value Secrets#SHOWN});
 * its log; and a new channel made from what its vendor declares it reads.
 */
@Named
@ViewScoped
public class ChannelsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int LOG_LINES = 50;

    @Inject
    transient ChannelService channels;

    @Inject
    transient ServiceVendors vendors;

    @Inject
    transient ConversationService conversations;

    @Inject
    transient ChannelActivity activity;

    @Inject
    Ui ui;

    /** A channel as the list shows it. */
    public record Row(String id, String address, String vendor, String transportType, String routedTo,
            String state, String stateReason, String rates, String limits, List<String> settings, List<String> missing)
            implements
                Serializable {
    }

    /** One of the chosen vendor's settings as the form asks it. */
    public record SettingField(String name, boolean secret, boolean required, String description)
            implements
                Serializable {
    }

    private final PerRequest<List<Row>> rows = new PerRequest<>();
    private String logOf;
    private String vendor;
    private String address;
    private String transportType = "sms";
    private Double ratePerSecond;
    private Integer maxInFlight;
    private final Map<String, String> settings = new HashMap<>();

    public List<Row> getRows() {
        return rows.get(this::readRows);
    }

    private List<Row> readRows() {
        String accountId = ui.getSignedIn().accountId();
        Map<String, String> names = conversations.list(accountId, 500).stream()
                .collect(Collectors.toMap(ConversationView::id, ConversationView::name));
        List<Row> list = new ArrayList<>();
        for (ChannelView channel : channels.views(accountId)) {
            var state = activity.vendor(channel.id());
            String rates = activity.rates(channel.id()).entrySet().stream()
                    .filter(rate -> rate.getValue() > 0)
                    .map(rate -> String.format("%s %.1f/s", rate.getKey().field().replace('_', ' '), rate.getValue()))
                    .collect(Collectors.joining(", "));
            String limits = (channel.ratePerSecond() == null ? "no rate limit" : channel.ratePerSecond() + " a second")
                    + ", " + channel.maxInFlight() + " in flight";
            list.add(new Row(channel.id(), channel.address(), channel.vendor(), channel.transportType(),
                    channel.conversationId() == null
                            ? null
                            : names.getOrDefault(channel.conversationId(),
                                    channel.conversationId()),
                    state.map(ChannelActivity.Component::status).orElse("no answer yet"),
                    state.map(ChannelActivity.Component::message).orElse(null),
                    rates.isEmpty() ? "idle" : rates, limits, shown(channel),
                    channels.missingSettings(accountId, channel.id())));
        }
        return list;
    }

    /** The channel's own settings, each secret shown as {@value Secrets#SHOWN} (as the APIs show them). */
    private static List<String> shown(ChannelView channel) {
        return Secrets.masked(JsonStrings.object(channel.settings())).entrySet().stream()
                .map(e -> e.getKey() + " = " + (e.getValue() instanceof JsonString text
                        ? text.getString()
                        : e.getValue().toString()))
                .toList();
    }

    /** The newest lines of the channel's log shown ({@link #showLog}), newest first. */
    public List<ChannelService.LogLine> getLog() {
        if (logOf == null) {
            return List.of();
        }
        return channels.logs(ui.getSignedIn().accountId(), logOf, LOG_LINES).orElse(List.of());
    }

    public void showLog(String channelId) {
        logOf = channelId;
    }

    public String getLogOf() {
        return getRows().stream().filter(r -> r.id().equals(logOf)).map(Row::address).findFirst().orElse(null);
    }

    /** The vendors a channel may be made on, by name. */
    public List<String> getVendors() {
        return vendors.names();
    }

    /** What the chosen vendor reads; a channel's own value of each is optional when the account or platform sets it. */
    public List<SettingField> getSettingFields() {
        if (vendor == null) {
            return List.of();
        }
        return vendors.find(vendor).map(v -> v.settings().stream()
                .map(s -> new SettingField(s.name(), s.secret(), s.required(), s.description())).toList())
                .orElse(List.of());
    }

    /** Makes the channel as the form says; the vendor checks its settings first, and a refusal names what is wrong. */
    public void create() {
        if (!ui.mayChange()) {
            return;
        }
        if (address == null || address.isBlank()) {
            Messages.error("The channel needs an address: its number, short code or USSD code");
            return;
        }
        JsonObjectBuilder given = JSON.createObjectBuilder();
        for (SettingField field : getSettingFields()) { // only the chosen vendor's: another's typed first go
            String value = settings.get(field.name());
            if (value != null && !value.isBlank()) {
                given.add(field.name(), value.strip());
            }
        }
        JsonObject values = given.build();
        ChannelView made = Messages.attempt(() -> channels.create(ui.getSignedIn().accountId(), ChannelChange.of()
                .vendor(vendor)
                .address(address.strip())
                .transportType(transportType)
                .feeding(ratePerSecond, maxInFlight)
                .settings(values.isEmpty() ? null : values.toString())));
        if (made != null) {
            Messages.info("Channel " + made.address() + " is made on " + made.vendor()
                    + "; join it to a conversation on the routing page");
            address = null;
            ratePerSecond = null;
            maxInFlight = null;
            settings.clear();
            rows.forget();
        }
    }

    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getTransportType() {
        return transportType;
    }

    public void setTransportType(String transportType) {
        this.transportType = transportType;
    }

    public Double getRatePerSecond() {
        return ratePerSecond;
    }

    public void setRatePerSecond(Double ratePerSecond) {
        this.ratePerSecond = ratePerSecond;
    }

    public Integer getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(Integer maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    /** The settings typed, by name ({@code #{channelsPage.settings[field.name()]}}). */
    public Map<String, String> getSettings() {
        return settings;
    }
}
