package org.switchboard.metrics;

import jakarta.validation.constraints.Size;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One value fired for an account's metric, with the aggregator that combines values over an interval (Vumi's sum,
 * avg, min, max, last). Points are kept as fired; reading aggregates them.
 */
@Entity
@Table(name = "metric_point", indexes = @Index(name = "metric_point_name", columnList = "account_id, store, name, "
        + "fired_at"))
public class MetricPoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    @Size(max = 255)
    private String accountId;

    @Column(nullable = false, length = 101)
    @Size(max = 101)
    private String store;

    @Column(nullable = false, length = 101)
    @Size(max = 101)
    private String name;

    @Column(nullable = false, length = 4)
    @Size(max = 4)
    private String aggregator;

    @Column(name = "metric_value", nullable = false)
    private double value;

    @Column(name = "fired_at", nullable = false)
    private Instant firedAt;

    protected MetricPoint() {
    }

    MetricPoint(String accountId, String store, String name, String aggregator, double value) {
        this.accountId = accountId;
        this.store = store;
        this.name = name;
        this.aggregator = aggregator;
        this.value = value;
        this.firedAt = Instant.now();
    }

    public String getStore() {
        return store;
    }

    public String getName() {
        return name;
    }

    public String getAggregator() {
        return aggregator;
    }

    public double getValue() {
        return value;
    }

    public Instant getFiredAt() {
        return firedAt;
    }
}
