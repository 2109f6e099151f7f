package org.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances' channel activity on one database (H2, the tables of Flyway's V14): each counts in memory, writes its
 * counts of a window once it is over, and shows the channel's rates and the vendor's state as the group's.
 */
class ChannelActivityTest {

    private final Ticking clock = new Ticking(1_800_000_000_000L); // the start of a 10 s window
    private ChannelActivity i1;
    private ChannelActivity i2;

    @BeforeEach
    void twoInstancesOnOneDatabase() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:activity" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (InputStream sql = getClass().getResourceAsStream("/db/migration/common/V14__channel_state.sql");
                Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            for (String create : new String(sql.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "")
                    .split(";")) {
                if (!create.isBlank()) {
                    statement.execute(create);
                }
            }
        }
        i1 = instance("i1", database);
        i2 = instance("i2", database);
    }

    private ChannelActivity instance(String name, JdbcDataSource database) {
        ChannelActivity activity = new ChannelActivity();
        activity.database = database;
        activity.me = name;
        activity.clock = clock;
        return activity;
    }

    @Test
    void aChannelsRatesAreWhatEveryInstanceCountedInTheLastWindow() {
        count(i1, ChannelActivity.Rate.OUTBOUND, 30);
        count(i2, ChannelActivity.Rate.OUTBOUND, 20);
        count(i2, ChannelActivity.Rate.SUBMITTED, 10);
        count(i2, ChannelActivity.Rate.OUTBOUND, 5, "another channel");

        clock.advance(10_500); // the window is over; only i2 has written its counts yet
        i2.writeRates();
        assertEquals(5.0, i1.rates("ch").get(ChannelActivity.Rate.OUTBOUND), "i1's 30 and i2's 20 over 10 s");
        assertEquals(1.0, i1.rates("ch").get(ChannelActivity.Rate.SUBMITTED));
        assertEquals(0.5, i1.rates("another channel").get(ChannelActivity.Rate.OUTBOUND));
        assertEquals(2.0, i2.rates("ch").get(ChannelActivity.Rate.OUTBOUND), "i1's counts are not written yet");
        i1.writeRates();
        assertEquals(5.0, i2.rates("ch").get(ChannelActivity.Rate.OUTBOUND), "the same answer on either instance");

        count(i1, ChannelActivity.Rate.INBOUND, 7); // in the current window: not shown until it is over
        assertEquals(0.0, i2.rates("ch").get(ChannelActivity.Rate.INBOUND));
        clock.advance(10_000);
        i1.writeRates();
        assertEquals(0.7, i2.rates("ch").get(ChannelActivity.Rate.INBOUND), 1e-9);
        assertEquals(0.0, i2.rates("ch").get(ChannelActivity.Rate.OUTBOUND), "a window before the last counts none");
    }

    @Test
    void theVendorsStateNotedOnOneInstanceIsShownByTheOther() {
        assertTrue(i1.vendor("ch").isEmpty(), "no answer yet");
        i2.vendorState("ch", "twilio", "degraded", "retrying", "Twilio answered 503");
        ChannelActivity.Component state = i1.vendor("ch").orElseThrow();
        assertEquals("degraded", state.status());
        assertEquals("retrying", state.type());
        assertEquals("Twilio answered 503", state.message());

        i1.vendorState("ch", "twilio", "ok", "accepting", "The vendor accepted the last message"); // the lane moved
        assertEquals("ok", i2.vendor("ch").orElseThrow().status());
        i1.vendorState("ch", "twilio", "ok", "accepting", "again"); // unchanged: not written again
        assertEquals("The vendor accepted the last message", i2.vendor("ch").orElseThrow().message());
    }

    private static void count(ChannelActivity activity, ChannelActivity.Rate rate, int times) {
        count(activity, rate, times, "ch");
    }

    private static void count(ChannelActivity activity, ChannelActivity.Rate rate, int times, String channel) {
        for (int i = 0; i < times; i++) {
            activity.count(channel, rate);
        }
    }

    /** A clock the test moves. */
    private static final class Ticking extends Clock {
        private long millis;

        Ticking(long millis) {
            this.millis = millis;
        }

        void advance(long by) {
            millis += by;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
