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
