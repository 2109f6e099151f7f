package org.switchboard.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.function.Function;
import org.switchboard.cache.Changed;
import org.switchboard.cache.RecentRows;

/** The routers read lately, their configs read, until a change to one ({@link Changed#router}) is committed. */
@ApplicationScoped
public class RecentRouters {

    private final RecentRows<Routers.RouterView> routers = new RecentRows<>(Changed.Kind.ROUTER, 10_000);

    public Routers.RouterView get(String routerId, Function<String, Routers.RouterView> load) {
        return routers.get(routerId, load);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        routers.changed(change);
    }
}
