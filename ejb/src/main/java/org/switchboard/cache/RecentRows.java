package org.switchboard.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Rows of one kind read lately (Caffeine): reused for {@link #TTL} unless a {@link Changed} of the row comes first.
 * Keys start with the row's id; a key may go on ({@code "<id>/<more>"}) when one row is cached in several shapes.
 * Absent rows are not kept: a row that is not there is looked for again.
 */
public final class RecentRows<V> {

    /** How long a row nobody changed through the platform (an edit in the database, say) is reused. */
    public static final Duration TTL = Duration.ofSeconds(5);

    private final Changed.Kind kind;
    private final Cache<String, V> rows;

    public RecentRows(Changed.Kind kind, long maximumSize) {
        this(kind, maximumSize, TTL);
    }

    public RecentRows(Changed.Kind kind, long maximumSize, Duration ttl) {
        this.kind = kind;
        this.rows = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
    }

    /** The row of this key, read by {@code load} when it is not held (null: there is none, and none is kept). */
    public V get(String key, Function<String, V> load) {
        V known = rows.getIfPresent(key);
        if (known != null) {
            return known;
        }
        V loaded = load.apply(key);
        if (loaded != null) {
            rows.put(key, loaded);
        }
        return loaded;
    }

    /** Drops what the change makes stale; changes of other kinds are ignored. */
    public void changed(Changed change) {
        if (change.kind() != kind) {
            return;
        }
        String id = change.id();
        Predicate<String> stale = key -> key.equals(id) || key.startsWith(id + "/");
        rows.asMap().keySet().removeIf(stale);
    }

    /** Drops every row held. */
    public void clear() {
        rows.invalidateAll();
    }
}
