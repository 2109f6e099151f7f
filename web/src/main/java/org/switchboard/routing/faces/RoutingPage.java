package org.switchboard.routing.faces;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.switchboard.channels.ChannelService;
import org.switchboard.channels.ChannelView;
import org.switchboard.conversations.ConversationService;
import org.switchboard.conversations.ConversationView;
import org.switchboard.routes.Connector;
import org.switchboard.routes.RoutingTable;
import org.switchboard.routing.Routers;
import org.switchboard.routing.RoutingTables;
import org.switchboard.ui.Messages;
import org.switchboard.ui.PerRequest;
import org.switchboard.ui.Ui;

/**
 * The account's routing table drawn as Vumi Go drew it: three columns, channels | routers | conversations, each
 * connector a box with its endpoints as ports and a line for each link between two ports. A link is what a person
 * makes: the two entries of the table between a port on the left (a channel, a router's conversation side) and one on
 * the right (a router's channel side, a conversation), the inbound one and the reply's way back. Links are made and
 * removed here and the table is saved whole, checked by the same rules as the admin API's ({@link RoutingTables}); the
 * next message follows it.
 */
@Named
@ViewScoped
public class RoutingPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Between a connector and its endpoint in a port's key: neither holds it. */
    private static final String AT = "/";

    @Inject
    transient RoutingTables tables;

    @Inject
    transient ChannelService channels;

    @Inject
    transient ConversationService conversations;

    @Inject
    transient Routers routers;

    @Inject
    Ui ui;

    /** A port: one endpoint of a connector, by its key ({@code CHANNEL:<id>/default}), and what it is called. */
    public record Port(String key, String endpoint) implements Serializable {
    }

    /** A connector drawn: its title, what it is, its ports facing left and right. */
    public record Box(String id, String title, String kind, List<Port> left, List<Port> right)
            implements
                Serializable {
    }

    /**
     * A link drawn between a left port and a right one: whether messages go in through it (left to right) and whether
     * sends come back through it (right to left).
     */
    public record Link(String left, String right, String leftLabel, String rightLabel, boolean in, boolean out)
            implements
                Serializable {
    }

    /** The table being edited: source port to target port, in the table's order. */
    private final LinkedHashMap<String, String> entries = new LinkedHashMap<>();
    private boolean changed;
    private List<String> warnings = List.of();
    private String from;
    private String to;
    private String newEndpoint;
    private final PerRequest<Columns> columns = new PerRequest<>();

    /** The three columns as the account has them now. */
    public record Columns(List<Box> channels, List<Box> routers, List<Box> conversations, Map<String, String> labels)
            implements
                Serializable {
    }

    @PostConstruct
    void load() {
        RoutingTables.Checked stored = tables.read(ui.getSignedIn().accountId());
        entries.clear();
        for (RoutingTable.Entry entry : stored.table().entries()) {
            entries.put(key(entry.source()), key(entry.target()));
        }
        warnings = stored.warnings();
        changed = false;
        columns.forget();
    }

    private static String key(RoutingTable.End end) {
        return end.connector() + AT + end.endpoint();
    }

    private static String key(Connector connector, String endpoint) {
        return connector + AT + endpoint;
    }

    private static Connector connectorOf(String key) {
        return Connector.parse(key.substring(0, key.lastIndexOf(AT)));
    }

    private static String endpointOf(String key) {
        return key.substring(key.lastIndexOf(AT) + 1);
    }

    /** Whether a port faces right: a channel's, or a router's towards the conversations (Vumi Go's OUTBOUND). */
    private static boolean facesRight(String key) {
        return !connectorOf(key).kind().inbound;
    }

    public Columns getColumns() {
        return columns.get(this::readColumns);
    }

    private Columns readColumns() {
        String accountId = ui.getSignedIn().accountId();
        Map<String, String> labels = new LinkedHashMap<>();
        List<Box> channelBoxes = new ArrayList<>();
        for (ChannelView channel : channels.views(accountId)) {
            Connector connector = Connector.channel(channel.id());
            Port port = new Port(key(connector, RoutingTable.DEFAULT), RoutingTable.DEFAULT);
            labels.put(port.key(), channel.address());
            channelBoxes.add(new Box(channel.id(), channel.address(), channel.vendor() + " · "
                    + channel.transportType(), List.of(), List.of(port)));
        }
        List<Box> routerBoxes = new ArrayList<>();
        for (Routers.RouterView router : routers.list(accountId)) {
            Port in = new Port(key(Connector.routerInbound(router.id()), RoutingTable.DEFAULT), RoutingTable.DEFAULT);
            labels.put(in.key(), router.name());
            List<Port> out = new ArrayList<>();
            for (String endpoint : router.config().endpoints()) {
                Port port = new Port(key(Connector.routerOutbound(router.id()), endpoint), endpoint);
                labels.put(port.key(), router.name() + " · " + endpoint);
                out.add(port);
            }
            routerBoxes.add(new Box(router.id(), router.name(), router.type().name().toLowerCase() + " router",
                    List.of(in), out));
        }
        List<Box> conversationBoxes = new ArrayList<>();
        for (ConversationView conversation : conversations.list(accountId, 500)) {
            Connector connector = Connector.conversation(conversation.id());
            Set<String> endpoints = new LinkedHashSet<>(List.of(RoutingTable.DEFAULT));
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                for (String end : List.of(entry.getKey(), entry.getValue())) {
                    if (connectorOf(end).equals(connector)) {
                        endpoints.add(endpointOf(end));
                    }
                }
            }
            List<Port> ports = new ArrayList<>();
            for (String endpoint : endpoints) {
                Port port = new Port(key(connector, endpoint), endpoint);
                labels.put(port.key(), conversation.name() + (endpoint.equals(RoutingTable.DEFAULT)
                        ? ""
                        : " · " + endpoint));
                ports.add(port);
            }
            conversationBoxes.add(new Box(conversation.id(), conversation.name(),
                    conversation.type().name().toLowerCase(), ports, List.of()));
        }
        return new Columns(channelBoxes, routerBoxes, conversationBoxes, labels);
    }

    /** The links drawn: each pair of ports the table joins, either way. */
    public List<Link> getLinks() {
        Map<String, String> labels = getColumns().labels();
        Map<List<String>, boolean[]> links = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            boolean in = facesRight(entry.getKey());
            List<String> pair = in
                    ? List.of(entry.getKey(), entry.getValue())
                    : List.of(entry.getValue(), entry.getKey());
            links.computeIfAbsent(pair, p -> new boolean[2])[in ? 0 : 1] = true;
        }
        List<Link> drawn = new ArrayList<>();
        links.forEach((pair, ways) -> drawn.add(new Link(pair.get(0), pair.get(1),
                labels.getOrDefault(pair.get(0), pair.get(0)), labels.getOrDefault(pair.get(1), pair.get(1)),
                ways[0], ways[1])));
        return drawn;
    }

    /** The ports a link may start from (left) and end at (right), by key, with their labels. */
    public Map<String, String> getLeftPorts() {
        return ports(true);
    }

    public Map<String, String> getRightPorts() {
        return ports(false);
    }

    /** Label to key, a label that two ports share told apart by its connector's id. */
    private Map<String, String> ports(boolean left) {
        Map<String, String> ports = new LinkedHashMap<>();
        getColumns().labels().forEach((k, label) -> {
            if (facesRight(k) == left) {
                ports.put(ports.containsKey(label) ? label + " (" + connectorOf(k).id() + ")" : label, k);
            }
        });
        return ports;
    }

    /**
     * Joins the chosen left port to the chosen right one: inbound messages go from left to right, and the right
     * side's sends from that endpoint come back through the left one unless they go elsewhere already. A conversation
     * may be given a new endpoint by name.
     */
    public void connect() {
        if (!ui.mayChange()) {
            return;
        }
        if (from == null || to == null || !getColumns().labels().containsKey(from)
                || !getColumns().labels().containsKey(to) || !facesRight(from) || facesRight(to)) {
            Messages.error("Choose a channel or a router's endpoint on the left and a router or a conversation on the"
                    + " right");
            return;
        }
        String target = to;
        if (newEndpoint != null && !newEndpoint.isBlank()) {
            if (connectorOf(to).kind() != Connector.Kind.CONVERSATION) {
                Messages.error("Only a conversation takes an endpoint of a new name; a router's channel side has one,"
                        + " 'default'");
                return;
            }
            if (!RoutingTable.ENDPOINT.matcher(newEndpoint.strip()).matches()) {
                Messages.error("'" + newEndpoint.strip() + "' is not an endpoint name (" + RoutingTable.ENDPOINT_RULE
                        + ")");
                return;
            }
            target = key(connectorOf(to), newEndpoint.strip());
        }
        String before = entries.get(from);
        entries.put(from, target);
        entries.putIfAbsent(target, from);
        if (before != null && !before.equals(target)) {
            Messages.info("What came in through " + label(from) + " went to " + label(before) + "; it goes to "
                    + label(target) + " now");
            entries.remove(before, from);
        }
        from = null;
        to = null;
        newEndpoint = null;
        edited();
    }

    /** Removes a link: both its entries. */
    public void disconnect(String left, String right) {
        if (!ui.mayChange()) {
            return;
        }
        entries.remove(left, right);
        entries.remove(right, left);
        edited();
    }

    /** Stores the table as drawn, whole, once it is checked; the next message follows it. */
    public void save() {
        if (!ui.mayChange()) {
            return;
        }
        JsonObject table = JSON.createObjectBuilder().add("routing_table", json()).build();
        RoutingTables.Checked saved = Messages.attempt(() -> tables.replace(ui.getSignedIn().accountId(), table));
        if (saved != null) {
            load();
            Messages.info("The routing table is saved: the next message follows it");
        }
    }

    /** Drops the changes not saved. */
    public void reset() {
        load();
    }

    private JsonObject json() {
        List<RoutingTable.Entry> table = new ArrayList<>();
        entries.forEach((source, target) -> table.add(new RoutingTable.Entry(end(source), end(target))));
        return RoutingTables.json(RoutingTable.of(table));
    }

    private static RoutingTable.End end(String key) {
        return new RoutingTable.End(connectorOf(key), endpointOf(key));
    }

    private String label(String port) {
        return getColumns().labels().getOrDefault(port, port);
    }

    private void edited() {
        changed = true;
        columns.forget();
    }

    public boolean isChanged() {
        return changed;
    }

    public List<String> getWarnings() {
        return warnings;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getNewEndpoint() {
        return newEndpoint;
    }

    public void setNewEndpoint(String newEndpoint) {
        this.newEndpoint = newEndpoint;
    }
}
