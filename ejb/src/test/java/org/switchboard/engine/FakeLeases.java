package org.switchboard.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Leases as a database would answer them: held by this instance ("i1") or by the named others. */
final class FakeLeases extends Leases {

    /** Each lease's holder. */
    final Map<String, String> holders = new ConcurrentHashMap<>();
    /** Leases whose holder stopped renewing them (another may take them). */
    final Set<String> lapsed = ConcurrentHashMap.newKeySet();

    @Override
    public String me() {
        return "i1";
    }

    @Override
    public boolean holds(String name) {
        return me().equals(holders.get(name)) && !lapsed.contains(name);
    }

    @Override
    public boolean take(String name) {
        if (lapsed.remove(name) || holders.get(name) == null) {
            holders.put(name, me());
        }
        return holds(name);
    }

    @Override
    public void release(String name) {
        holders.remove(name, me());
    }

    @Override
    public Map<String, String> expired(String prefix) {
        Map<String, String> expired = new HashMap<>();
        lapsed.stream().filter(name -> name.startsWith(prefix)).forEach(name -> expired.put(name, holders.get(name)));
        return expired;
    }
}
