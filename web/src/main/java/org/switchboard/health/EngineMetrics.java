package org.switchboard.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.switchboard.engine.EngineStats;

/**
 * The message engine's counters as application metrics, for scraping at MicroProfile Metrics' {@code /metrics}
 * (Prometheus text): {@code switchboard_outbound_accepted_total}, {@code ..._vendor_accepted_total},
 * {@code ..._events_stored_total}, {@code ..._push_attempts_failed_total} and the rest of {@link EngineStats.Count}.
 */
@ApplicationScoped
public class EngineMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    EngineStats stats;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (EngineStats.Count count : EngineStats.Count.values()) {
            String name = "switchboard_" + count.name().toLowerCase(Locale.ROOT) + "_total";
            registry.gauge(Metadata.builder().withName(name)
                    .withDescription("Messages, events or pushes counted by the engine since start: "
                            + count.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .build(), stats, s -> s.get(count));
        }
    }
}
