package org.switchboard.routes;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An account's routing table as a value: for each source (a connector's endpoint) the one target it goes to, as Vumi
 * Go's {@code {src_connector: {src_endpoint: [dst_connector, dst_endpoint]}}}. Immutable; a change makes a new one.
 */
public final class RoutingTable {

    /** Routers chained deeper than this are refused as a loop would be; following stops there too. */
    public static final int MAX_HOPS = 8;

    /** The endpoint a channel has, and a router's channel side: Vumi Go's {@code default}. */
    public static final String DEFAULT = "default";

    /** An endpoint's name: what Vumi Go's forms took (letters, digits, {@code _} and {@code -}). */
    public static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** What {@link #ENDPOINT} takes, in words, for a refusal. */
    public static final String ENDPOINT_RULE = "1 to 64 letters, digits, _ or -";

    /** A connector's endpoint. */
    public record End(Connector connector, String endpoint) {

        @Override
        public String toString() {
            return connector + " " + endpoint;
        }
    }

    /** One entry: messages from {@code source} go to {@code target}. */
    public record Entry(End source, End target) {
    }

    private final Map<End, End> targets;

    private RoutingTable(Map<End, End> targets) {
        this.targets = Collections.unmodifiableMap(targets);
    }

    /** A table of these entries, in their order; a later entry from the same source replaces an earlier one. */
    public static RoutingTable of(List<Entry> entries) {
        Map<End, End> targets = new LinkedHashMap<>();
        entries.forEach(e -> targets.put(e.source(), e.target()));
        return new RoutingTable(targets);
    }

    public List<Entry> entries() {
        return targets.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue())).toList();
    }

    /** Where messages from this endpoint go. */
    public Optional<End> target(Connector connector, String endpoint) {
        return Optional.ofNullable(targets.get(new End(connector, endpoint)));
    }

    /** The conversation (and its endpoint) a channel's inbound messages go to straight, without a router. */
    public Optional<End> conversationOf(String channelId) {
        return target(Connector.channel(channelId), DEFAULT)
                .filter(end -> end.connector().kind() == Connector.Kind.CONVERSATION);
    }

    /**
     * The channel a conversation's sends from this endpoint reach: through routers' outbound sides, each of which
     * sends on from its channel side's {@code default} (Vumi Go's routers send every outbound message there).
     */
    public Optional<String> channelFor(String conversationId, String endpoint) {
        Optional<End> end = target(Connector.conversation(conversationId), endpoint);
        for (int hops = 0; end.isPresent() && hops <= MAX_HOPS; hops++) {
            Connector at = end.get().connector();
            if (at.kind() == Connector.Kind.CHANNEL) {
                return Optional.of(at.id());
            }
            if (at.kind() != Connector.Kind.ROUTER_OUTBOUND) {
                return Optional.empty();
            }
            end = target(at.otherSide(), DEFAULT);
        }
        return Optional.empty();
    }

    /**
     * The channels a conversation is wired to, whatever a router would decide: those its sends reach (first, in
     * the order of its endpoints) and those whose inbound messages can reach it.
     */
    public Set<String> channelsOf(String conversationId) {
        Set<String> found = new LinkedHashSet<>();
        targets.keySet().stream()
                .filter(source -> source.connector().equals(Connector.conversation(conversationId)))
                .sorted((a, b) -> a.endpoint().equals(DEFAULT)
                        ? -1
                        : b.endpoint().equals(DEFAULT)
                                ? 1
                                : a.endpoint().compareTo(b.endpoint()))
                .forEach(source -> channelFor(conversationId, source.endpoint()).ifPresent(found::add));
        targets.keySet().stream()
                .filter(source -> source.connector().kind() == Connector.Kind.CHANNEL)
                .filter(source -> reachable(source.connector()).contains(Connector.conversation(conversationId)))
                .map(source -> source.connector().id())
                .sorted()
                .forEach(found::add);
        return found;
    }

    /**
     * The connectors messages from {@code start} can reach: a router's channel side reaches every endpoint of its
     * conversation side (and the reverse), since which one is the router's choice per message.
     */
    public Set<Connector> reachable(Connector start) {
        Set<Connector> seen = new HashSet<>();
        Deque<Connector> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            Connector at = todo.pop();
            for (Map.Entry<End, End> entry : targets.entrySet()) {
                if (entry.getKey().connector().equals(at)) {
                    Connector next = entry.getValue().connector();
                    Connector onward = next.isRouter() ? next.otherSide() : next;
                    if (seen.add(next) && !onward.equals(next)) {
                        seen.add(onward);
                        todo.push(onward);
                    }
                }
            }
        }
        return seen;
    }

    /** This table without the entries from or to the connector (a deleted channel, conversation or router side). */
    public RoutingTable without(Connector connector) {
        Map<End, End> kept = new LinkedHashMap<>(targets);
        kept.entrySet().removeIf(e -> e.getKey().connector().equals(connector)
                || e.getValue().connector().equals(connector));
        return new RoutingTable(kept);
    }

    /**
     * This table with the channel bound straight to the conversation's endpoint, as "a channel bound to a
     * conversation" was before the table: the channel's inbound goes there, and the conversation's sends from that
     * endpoint go out on the channel unless another channel already carries them. Null {@code conversationId}
     * unbinds the channel (its entries go). The endpoint is the caller's to check ({@link #ENDPOINT}).
     */
    public RoutingTable binding(String channelId, String conversationId, String endpoint) {
        Connector channel = Connector.channel(channelId);
        Map<End, End> kept = new LinkedHashMap<>(without(channel).targets);
        if (conversationId != null) {
            End conversation = new End(Connector.conversation(conversationId), endpoint == null ? DEFAULT : endpoint);
            kept.put(new End(channel, DEFAULT), conversation);
            kept.putIfAbsent(conversation, new End(channel, DEFAULT));
        }
        return new RoutingTable(kept);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RoutingTable table && table.targets.equals(targets);
    }

    @Override
    public int hashCode() {
        return targets.hashCode();
    }

    @Override
    public String toString() {
        return targets.toString();
    }
}
