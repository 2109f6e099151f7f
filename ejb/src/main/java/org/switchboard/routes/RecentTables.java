package org.switchboard.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.function.Function;
import org.switchboard.cache.Changed;
import org.switchboard.cache.RecentRows;

/** The routing tables read lately, by account, until a change to one ({@link Changed#routing}) is committed. */
@ApplicationScoped
public class RecentTables {

    private final RecentRows<RoutingTable> tables = new RecentRows<>(Changed.Kind.ROUTING, 10_000);

    public RoutingTable get(String accountId, Function<String, RoutingTable> load) {
        return tables.get(accountId, load);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        tables.changed(change);
    }
}
