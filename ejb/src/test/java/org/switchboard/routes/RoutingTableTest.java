package org.switchboard.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.routes.RoutingTable.End;
import org.switchboard.routes.RoutingTable.Entry;

class RoutingTableTest {

    private static Entry entry(Connector from, String fromEndpoint, Connector to, String toEndpoint) {
        return new Entry(new End(from, fromEndpoint), new End(to, toEndpoint));
    }

    /** Vumi Go's picture: sms channel → keyword router → two conversations, and their sends back through it. */
    private static final RoutingTable KEYWORDS = RoutingTable.of(List.of(
            entry(Connector.channel("sms"), "default", Connector.routerInbound("kw"), "default"),
            entry(Connector.routerOutbound("kw"), "quiz", Connector.conversation("quiz"), "default"),
            entry(Connector.routerOutbound("kw"), "default", Connector.conversation("help"), "default"),
            entry(Connector.conversation("quiz"), "default", Connector.routerOutbound("kw"), "quiz"),
            entry(Connector.conversation("help"), "default", Connector.routerOutbound("kw"), "default"),
            entry(Connector.routerInbound("kw"), "default", Connector.channel("sms"), "default")));

    @Test
    void connectorsReadAsVumiGoWroteThem() {
        for (String text : List.of("CHANNEL:a-1", "CONVERSATION:0f3e", "ROUTER:r1:INBOUND", "ROUTER:r1:OUTBOUND")) {
            assertEquals(text, Connector.parse(text).toString());
        }
        assertEquals(Connector.Kind.ROUTER_OUTBOUND, Connector.parse("ROUTER:r:OUTBOUND").kind());
        for (String wrong : List.of("", "CHANNEL", "CHANNEL:", "ROUTER:r", "ROUTER:r:SIDEWAYS", "TRANSPORT_TAG:p:t",
                "CHANNEL:a b", "CONVERSATION:x:y")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Connector.parse(wrong));
            assertTrue(e.getMessage().contains("'" + wrong + "' is not a connector"), e.getMessage());
        }
    }

    @Test
    void sendsFollowRoutersToTheirChannel() {
        assertEquals(Optional.of("sms"), KEYWORDS.channelFor("quiz", "default"));
        assertEquals(Optional.of("sms"), KEYWORDS.channelFor("help", "default"));
        assertEquals(Optional.empty(), KEYWORDS.channelFor("quiz", "other"));
        assertEquals(Optional.empty(), KEYWORDS.conversationOf("sms"), "the channel goes to a router, not straight");
        assertEquals(Set.of("sms"), KEYWORDS.channelsOf("quiz"));
    }

    @Test
    void aChannelThatOnlyReachesAConversationIsOneOfItsChannels() {
        RoutingTable inboundOnly = RoutingTable.of(List.of(
                entry(Connector.channel("ussd"), "default", Connector.routerInbound("kw"), "default"),
                entry(Connector.routerOutbound("kw"), "quiz", Connector.conversation("quiz"), "default"),
                entry(Connector.conversation("quiz"), "default", Connector.channel("sms"), "default")));
        assertEquals(List.of("sms", "ussd"), List.copyOf(inboundOnly.channelsOf("quiz")),
                "the channel its sends reach first, then those it hears from");
        assertEquals(Set.of(), inboundOnly.channelsOf("other"));
    }

    @Test
    void bindingIsTwoEntriesAndReplacesTheChannelsOldOnes() {
        RoutingTable bound = KEYWORDS.binding("sms", "direct", "default");
        assertEquals(Optional.of(new End(Connector.conversation("direct"), "default")), bound.conversationOf("sms"));
        assertEquals(Optional.of("sms"), bound.channelFor("direct", "default"));
        assertEquals(Optional.empty(), bound.channelFor("quiz", "default"), "the router no longer has a channel");
        assertEquals(Optional.empty(), bound.target(Connector.routerInbound("kw"), "default"));

        RoutingTable second = bound.binding("other", "direct", "default");
        assertEquals(Optional.of("sms"), second.channelFor("direct", "default"),
                "a second channel on the endpoint does not take its sends");
        assertEquals(List.of("sms", "other"), List.copyOf(second.channelsOf("direct")));
        assertEquals(Optional.empty(), second.binding("sms", null, null).conversationOf("sms"), "null unbinds");
        RoutingTable unbound = second.binding("sms", null, null).binding("other", null, null);
        assertTrue(unbound.entries().stream().noneMatch(e -> e.source().connector().kind() == Connector.Kind.CHANNEL
                || e.target().connector().kind() == Connector.Kind.CHANNEL), unbound.toString());
        assertEquals(4, unbound.entries().size(), "the router's entries to and from its conversations stay");
    }

    @Test
    void withoutAConnectorDropsEveryEntryToAndFromIt() {
        RoutingTable left = KEYWORDS.without(Connector.conversation("quiz"));
        assertEquals(4, left.entries().size());
        assertTrue(left.entries().stream().noneMatch(e -> e.source().connector().id().equals("quiz")
                || e.target().connector().id().equals("quiz")));
        assertEquals(KEYWORDS, RoutingTable.of(KEYWORDS.entries()), "a table is its entries");
    }
}
