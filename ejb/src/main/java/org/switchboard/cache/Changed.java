package org.switchboard.cache;

/**
 * A row changed through the platform: fired as a CDI event by the service that changed it, inside its transaction, and
 * heard by caches after the commit ({@code @Observes(during = AFTER_SUCCESS)}), so the next request reads the row
 * again. A plain value, so that a bridge can carry it to other instances (a topic) and fire it there.
 *
 * @param kind what changed
 * @param id its id
 */
public record Changed(Kind kind, String id) {

    /** The kinds of rows that are cached. */
    public enum Kind {
        CHANNEL, CONVERSATION, ACCOUNT, VENDOR_SETTINGS, ROUTING, ROUTER
    }

    public static Changed channel(String id) {
        return new Changed(Kind.CHANNEL, id);
    }

    public static Changed conversation(String id) {
        return new Changed(Kind.CONVERSATION, id);
    }

    /** The routing table of this account. */
    public static Changed routing(String accountId) {
        return new Changed(Kind.ROUTING, accountId);
    }

    public static Changed router(String id) {
        return new Changed(Kind.ROUTER, id);
    }

    public static Changed account(String id) {
        return new Changed(Kind.ACCOUNT, id);
    }
}
