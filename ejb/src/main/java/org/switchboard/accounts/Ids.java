package org.switchboard.accounts;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/** Identifiers and secrets: Vumi-style 32-hex message ids, UUIDs, and random tokens. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A uuid4 as 32 hex characters, the form of Vumi message ids and keys. */
    public static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * A time-ordered UUID (version 7, RFC 9562: 48 bits of Unix milliseconds, then 74 random bits) as 32 hex
     * characters: the form of Vumi message ids, for the rows made by the thousand (messages, events). Ids made one
     * after the other sort together, so a new row's key lands on the last pages of the table's B-tree instead of a
     * random one: with uuid4 keys each insert dirtied a page of its own, which the database then wrote out whole
     * (measured in docs/engine.md, "The engine's design").
     */
    public static String ordered() {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | ((random[0] & 0x0fL) << 8) | (random[1] & 0xffL);
        long low = 0x8000000000000000L | ((random[2] & 0x3fL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xffL) << (8 * (9 - i));
        }
        return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
    }

    /**
     * The least {@link #ordered()} id of this millisecond: rows made before {@code at} have ids below it, as strings,
     * so a time range of such rows is a range of their primary key.
     */
    public static String orderedFloor(java.time.Instant at) {
        return HexFormat.of().toHexDigits(at.toEpochMilli() << 16);
    }

    /** A UUID in its usual form, as Junebug gives channel ids. */
    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    /** A random secret of 32 bytes, hex encoded. */
    public static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
