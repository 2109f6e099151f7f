package org.switchboard.routing;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.switchboard.channels.Channel;
import org.switchboard.conversations.Conversation;
import org.switchboard.json.StrictRecords.Refused;
import org.switchboard.routes.Connector;
import org.switchboard.routes.Routes;
import org.switchboard.routes.RoutingTable;
import org.switchboard.routes.RoutingTable.End;
import org.switchboard.routes.RoutingTable.Entry;

/**
 * An account's routing table as the admin API reads and writes it: Vumi Go's nested map
 * {@code {source connector: {source endpoint: [target connector, target endpoint]}}}, checked whole before it is
 * stored (each end exists in the account, directions are opposite, a router's endpoints are its own, no loop through
 * routers), and the ends left loose named as warnings.
 */
@Stateless
public class RoutingTables {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Routes routes;

    /** A table and what is loose in it. */
    public record Checked(RoutingTable table, List<String> warnings) {
    }

    /** The account's table as stored, with its warnings. */
    public Checked read(String accountId) {
        RoutingTable table = routes.load(accountId);
        return new Checked(table, warnings(table, routers(accountId)));
    }

    /**
     * Replaces the account's table with the one sent, once every entry is checked; seen by the next message.
     *
     * @throws Refused naming the entry ({@code routing_table["CHANNEL:..."]["default"]}) and what is wrong with it
     */
    public Checked replace(String accountId, JsonObject body) {
        RoutingTable table = parse(body);
        routes.lockAccount(accountId);
        Map<String, RouterConfigs.Config> routers = routers(accountId);
        check(accountId, table, routers);
        routes.replace(accountId, table);
        return new Checked(table, warnings(table, routers));
    }

    /** The table as JSON: Vumi Go's nested map. */
    public static JsonObject json(RoutingTable table) {
        Map<String, JsonObjectBuilder> sources = new LinkedHashMap<>();
        for (Entry entry : table.entries()) {
            sources.computeIfAbsent(entry.source().connector().toString(), k -> JSON.createObjectBuilder())
                    .add(entry.source().endpoint(), JSON.createArrayBuilder()
                            .add(entry.target().connector().toString()).add(entry.target().endpoint()));
        }
        JsonObjectBuilder json = JSON.createObjectBuilder();
        sources.forEach(json::add);
        return json.build();
    }

    private static RoutingTable parse(JsonObject body) {
        for (String key : body.keySet()) {
            if (!key.equals("routing_table")) {
                throw new Refused(key, "Unknown key '" + key + "'; the body is {\"routing_table\": {source connector:"
                        + " {source endpoint: [target connector, target endpoint]}}}");
            }
        }
        JsonValue value = body.get("routing_table");
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Refused("routing_table", "'routing_table' is required: an object of source connector to"
                    + " {source endpoint: [target connector, target endpoint]}");
        }
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonValue> source : value.asJsonObject().entrySet()) {
            String at = "routing_table[\"" + source.getKey() + "\"]";
            Connector from = connector(at, source.getKey());
            if (source.getValue().getValueType() != JsonValue.ValueType.OBJECT) {
                throw new Refused(at, at + " must be an object of source endpoint to [target connector, target"
                        + " endpoint]");
            }
            for (Map.Entry<String, JsonValue> endpoint : source.getValue().asJsonObject().entrySet()) {
                String where = at + "[\"" + endpoint.getKey() + "\"]";
                endpointName(where, endpoint.getKey());
                if (!(endpoint.getValue() instanceof JsonArray pair) || pair.size() != 2
                        || !(pair.get(0) instanceof JsonString to) || !(pair.get(1) instanceof JsonString toEndpoint)) {
                    throw new Refused(where, where + " must be [target connector, target endpoint], two strings");
                }
                endpointName(where, toEndpoint.getString());
                entries.add(new Entry(new End(from, endpoint.getKey()),
                        new End(connector(where, to.getString()), toEndpoint.getString())));
            }
        }
        return RoutingTable.of(entries);
    }

    private static Connector connector(String where, String text) {
        try {
            return Connector.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Refused(where, where + ": " + e.getMessage());
        }
    }

    private static void endpointName(String where, String name) {
        if (!RoutingTable.ENDPOINT.matcher(name).matches()) {
            throw new Refused(where, where + ": '" + name + "' is not an endpoint name (" + RoutingTable.ENDPOINT_RULE
                    + ")");
        }
    }

    private void check(String accountId, RoutingTable table, Map<String, RouterConfigs.Config> routers) {
        for (Entry entry : table.entries()) {
            String where = "routing_table[\"" + entry.source().connector() + "\"][\"" + entry.source().endpoint()
                    + "\"]";
            end(accountId, where, entry.source(), routers);
            end(accountId, where, entry.target(), routers);
            Connector from = entry.source().connector();
            Connector to = entry.target().connector();
            if (from.kind().inbound == to.kind().inbound) {
                throw new Refused(where, where + ": " + from + " cannot route to " + to + "; an entry goes from a"
                        + " channel or a router's OUTBOUND side to a conversation or a router's INBOUND side, or"
                        + " from a conversation or a router's INBOUND side to a channel or a router's OUTBOUND side");
            }
            if (from.isRouter() && to.isRouter() && from.id().equals(to.id())) {
                throw new Refused(where, where + ": a router's two sides cannot route to each other");
            }
        }
        loops(table);
    }

    /** That the end is the account's, on an endpoint it has. */
    private void end(String accountId, String where, End end, Map<String, RouterConfigs.Config> routers) {
        Connector connector = end.connector();
        boolean exists = switch (connector.kind()) {
            case CHANNEL -> {
                Channel channel = em.find(Channel.class, connector.id());
                yield channel != null && channel.getAccountId().equals(accountId);
            }
            case CONVERSATION -> {
                Conversation conversation = em.find(Conversation.class, connector.id());
                yield conversation != null && conversation.getAccountId().equals(accountId);
            }
            case ROUTER_INBOUND, ROUTER_OUTBOUND -> routers.containsKey(connector.id());
        };
        if (!exists) {
            throw new Refused(where, where + ": the account has no " + switch (connector.kind()) {
                case CHANNEL -> "channel";
                case CONVERSATION -> "conversation";
                default -> "router";
            } + " '" + connector.id() + "'");
        }
        boolean defaultOnly = connector.kind() == Connector.Kind.CHANNEL
                || connector.kind() == Connector.Kind.ROUTER_INBOUND;
        if (defaultOnly && !end.endpoint().equals(RoutingTable.DEFAULT)) {
            throw new Refused(where, where + ": " + connector + " has one endpoint, 'default', not '"
                    + end.endpoint() + "'");
        }
        if (connector.kind() == Connector.Kind.ROUTER_OUTBOUND
                && !routers.get(connector.id()).endpoints().contains(end.endpoint())) {
            throw new Refused(where, where + ": router " + connector.id() + " has no endpoint '" + end.endpoint()
                    + "'; its endpoints are " + String.join(", ", routers.get(connector.id()).endpoints()));
        }
    }

    /** A router reached again through routers, either way, would pass a message round for ever: refused. */
    private static void loops(RoutingTable table) {
        Map<String, Set<String>> next = new HashMap<>();
        for (Entry entry : table.entries()) {
            Connector from = entry.source().connector();
            Connector to = entry.target().connector();
            if (from.isRouter() && to.isRouter()) {
                next.computeIfAbsent(from.id() + (from.kind() == Connector.Kind.ROUTER_OUTBOUND ? " in" : " out"),
                        k -> new HashSet<>()).add(
                                to.id() + (to.kind() == Connector.Kind.ROUTER_INBOUND
                                        ? " in"
                                        : " out"));
            }
        }
        for (String start : next.keySet()) {
            List<String> path = new ArrayList<>(List.of(start));
            walk(next, path);
        }
    }

    private static void walk(Map<String, Set<String>> next, List<String> path) {
        if (path.size() > RoutingTable.MAX_HOPS) {
            throw new Refused("routing_table", "The routing table chains more than " + RoutingTable.MAX_HOPS
                    + " routers: " + String.join(" → ", path.stream().map(RoutingTables::router).toList()));
        }
        for (String to : next.getOrDefault(path.get(path.size() - 1), Set.of())) {
            if (path.contains(to)) {
                List<String> loop = new ArrayList<>(path.subList(path.indexOf(to), path.size()));
                loop.add(to);
                throw new Refused("routing_table", "The routing table has a loop through routers: "
                        + String.join(" → ", loop.stream().map(RoutingTables::router).toList()));
            }
            path.add(to);
            walk(next, path);
            path.remove(path.size() - 1);
        }
    }

    private static String router(String node) {
        return "ROUTER:" + node.substring(0, node.indexOf(' '));
    }

    /** The ends left loose: what reaches a router and goes nowhere from there, a router nothing reaches. */
    private static List<String> warnings(RoutingTable table, Map<String, RouterConfigs.Config> routers) {
        List<String> warnings = new ArrayList<>();
        Set<Connector> targets = new HashSet<>();
        table.entries().forEach(e -> targets.add(e.target().connector()));
        routers.forEach((id, config) -> {
            boolean reached = targets.contains(Connector.routerInbound(id));
            if (!reached) {
                if (table.entries().stream().anyMatch(e -> e.source().connector().equals(Connector.routerOutbound(id))
                        || e.target().connector().equals(Connector.routerOutbound(id)))) {
                    warnings.add("ROUTER:" + id + ":INBOUND: no channel routes to router " + id
                            + ", so its conversations get nothing through it");
                }
                return;
            }
            for (String endpoint : config.endpoints()) {
                if (table.target(Connector.routerOutbound(id), endpoint).isEmpty()) {
                    warnings.add("ROUTER:" + id + ":OUTBOUND " + endpoint + ": messages router " + id
                            + " sends to endpoint '" + endpoint + "' are stored only: it routes nowhere");
                }
            }
            if (table.target(Connector.routerInbound(id), RoutingTable.DEFAULT).isEmpty()) {
                warnings.add("ROUTER:" + id + ":INBOUND default: new messages the conversations behind router " + id
                        + " send go to no channel (replies still go back on the channel they answer)");
            }
        });
        return warnings;
    }

    private Map<String, RouterConfigs.Config> routers(String accountId) {
        Map<String, RouterConfigs.Config> routers = new LinkedHashMap<>();
        em.createQuery("select r from Router r where r.accountId = :account order by r.createdAt, r.id", Router.class)
                .setParameter("account", accountId).getResultStream()
                .forEach(r -> routers.put(r.getId(), RouterConfigs.read(r)));
        return routers;
    }
}
