package org.switchboard.sandbox.graal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Warm contexts waiting for their app's next invocation: at most {@code capacity} of them, and together charged no more
 * than the budget their owner gives (what they allocated, which bounds what they hold); least recent out first.
 */
final class ContextPool {

    private final int capacity;
    private final Map<String, Deque<JsSandbox.WarmContext>> idle = new HashMap<>();
    private int size;
    private long charged;

    ContextPool(int capacity) {
        this.capacity = capacity;
    }

    synchronized int size() {
        return size;
    }

    synchronized JsSandbox.WarmContext take(String key) {
        Deque<JsSandbox.WarmContext> contexts = idle.get(key);
        if (contexts == null) {
            return null;
        }
        JsSandbox.WarmContext warm = contexts.pollFirst();
        if (contexts.isEmpty()) {
            idle.remove(key);
        }
        size--;
        charged -= warm.charge;
        return warm;
    }

    void give(JsSandbox.WarmContext warm, long budgetBytes) {
        List<JsSandbox.WarmContext> evicted = new ArrayList<>();
        synchronized (this) {
            idle.computeIfAbsent(warm.key, k -> new ArrayDeque<>()).addFirst(warm);
            size++;
            charged += warm.charge;
            while (size > capacity || (charged > budgetBytes && size > 0)) {
                evicted.add(evictOldest());
            }
        }
        evicted.forEach(JsSandbox.WarmContext::close);
    }

    private JsSandbox.WarmContext evictOldest() {
        Deque<JsSandbox.WarmContext> oldestDeque = null;
        for (Deque<JsSandbox.WarmContext> contexts : idle.values()) {
            if (oldestDeque == null || contexts.peekLast().lastUsed < oldestDeque.peekLast().lastUsed) {
                oldestDeque = contexts;
            }
        }
        JsSandbox.WarmContext oldest = oldestDeque.pollLast();
        if (oldestDeque.isEmpty()) {
            idle.remove(oldest.key);
        }
        size--;
        charged -= oldest.charge;
        return oldest;
    }

    void close() {
        List<JsSandbox.WarmContext> all = new ArrayList<>();
        synchronized (this) {
            idle.values().forEach(all::addAll);
            idle.clear();
            size = 0;
            charged = 0;
        }
        all.forEach(JsSandbox.WarmContext::close);
    }
}
