package org.switchboard.routes;

import java.util.regex.Pattern;

/**
 * One end of routing-table entries, written as Vumi Go wrote connectors: {@code CHANNEL:<id>},
 * {@code CONVERSATION:<id>}, {@code ROUTER:<id>:INBOUND} (the router's side towards the channels) and
 * {@code ROUTER:<id>:OUTBOUND} (its side towards the conversations).
 *
 * @param kind what it is
 * @param id the channel's, conversation's or router's id
 */
public record Connector(Kind kind, String id) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,255}");

    /**
     * The kinds of connector and the direction each has in Vumi Go: an entry goes from a connector to one of the
     * other direction (a channel's inbound to a conversation or a router's inbound side; a conversation's sends to a
     * channel or a router's outbound side; a router's outbound side to a conversation or the next router).
     */
    public enum Kind {
        CHANNEL(false), CONVERSATION(true), ROUTER_INBOUND(true), ROUTER_OUTBOUND(false);

        /** Vumi Go's INBOUND direction (conversations and a router's channel side) or OUTBOUND. */
        public final boolean inbound;

        Kind(boolean inbound) {
            this.inbound = inbound;
        }
    }

    public static Connector channel(String id) {
        return new Connector(Kind.CHANNEL, id);
    }

    public static Connector conversation(String id) {
        return new Connector(Kind.CONVERSATION, id);
    }

    public static Connector routerInbound(String id) {
        return new Connector(Kind.ROUTER_INBOUND, id);
    }

    public static Connector routerOutbound(String id) {
        return new Connector(Kind.ROUTER_OUTBOUND, id);
    }

    /** The router's other side (a router's inbound side for its outbound side, and back). */
    public Connector otherSide() {
        return switch (kind) {
            case ROUTER_INBOUND -> routerOutbound(id);
            case ROUTER_OUTBOUND -> routerInbound(id);
            default -> throw new IllegalStateException(this + " is not a router's side");
        };
    }

    public boolean isRouter() {
        return kind == Kind.ROUTER_INBOUND || kind == Kind.ROUTER_OUTBOUND;
    }

    /**
     * The connector a string names.
     *
     * @throws IllegalArgumentException saying what a connector looks like
     */
    public static Connector parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(":", -1);
        Connector parsed = null;
        if (parts.length == 2 && ID.matcher(parts[1]).matches()) {
            parsed = switch (parts[0]) {
                case "CHANNEL" -> channel(parts[1]);
                case "CONVERSATION" -> conversation(parts[1]);
                default -> null;
            };
        } else if (parts.length == 3 && "ROUTER".equals(parts[0]) && ID.matcher(parts[1]).matches()) {
            parsed = switch (parts[2]) {
                case "INBOUND" -> routerInbound(parts[1]);
                case "OUTBOUND" -> routerOutbound(parts[1]);
                default -> null;
            };
        }
        if (parsed == null) {
            throw new IllegalArgumentException("'" + text + "' is not a connector: CHANNEL:<id>, CONVERSATION:<id>,"
                    + " ROUTER:<id>:INBOUND or ROUTER:<id>:OUTBOUND");
        }
        return parsed;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CHANNEL -> "CHANNEL:" + id;
            case CONVERSATION -> "CONVERSATION:" + id;
            case ROUTER_INBOUND -> "ROUTER:" + id + ":INBOUND";
            case ROUTER_OUTBOUND -> "ROUTER:" + id + ":OUTBOUND";
        };
    }
}
