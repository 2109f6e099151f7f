package org.switchboard.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.switchboard.engine.HealthProbes;

/**
 * Readiness checks at MicroProfile Health's {@code /health-checks/ready}, and in Junebug's {@code /health}: the
 * database answers a query, the broker takes a connection, the sandbox adapter hands out a connection. Each says what
 * failed; none shows more.
 */
@ApplicationScoped
public class PlatformChecks {

    @Inject
    HealthProbes probes;

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> check("database", () -> {
            probes.database();
            return null;
        });
    }

    @Produces
    @Readiness
    HealthCheck broker() {
        return () -> check("broker", () -> {
            probes.broker();
            return null;
        });
    }

    @Produces
    @Readiness
    HealthCheck sandboxAdapter() {
        return () -> check("sandbox-adapter", () -> {
            probes.sandbox();
            return null;
        });
    }

    private static HealthCheckResponse check(String name, Callable<Void> probe) {
        try {
            probe.call();
            return HealthCheckResponse.up(name);
        } catch (Exception e) {
            return HealthCheckResponse.named(name).down()
                    .withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
