package org.switchboard.routes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored entry of an account's routing table ({@link RoutingTable.Entry}); one per source endpoint. */
@Entity
@Table(name = "routing_entry")
public class RouteEntry {

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(nullable = false)
    private String source;

    @Column(name = "source_endpoint", nullable = false)
    private String sourceEndpoint;

    @Column(nullable = false)
    private String target;

    @Column(name = "target_endpoint", nullable = false)
    private String targetEndpoint;

    protected RouteEntry() {
    }

    RouteEntry(String id, String accountId, RoutingTable.Entry entry) {
        this.id = id;
        this.accountId = accountId;
        this.source = entry.source().connector().toString();
        this.sourceEndpoint = entry.source().endpoint();
        this.target = entry.target().connector().toString();
        this.targetEndpoint = entry.target().endpoint();
    }

    RoutingTable.Entry entry() {
        return new RoutingTable.Entry(new RoutingTable.End(Connector.parse(source), sourceEndpoint),
                new RoutingTable.End(Connector.parse(target), targetEndpoint));
    }
}
