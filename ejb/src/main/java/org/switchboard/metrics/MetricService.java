package org.switchboard.metrics;

import org.switchboard.validation.Checks;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Account metrics as Vumi Go fired them: a store, a name and an aggregator per value. */
@Stateless
public class MetricService {

    /** Vumi Go's rule for metric (and store) names. */
    static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9._-]{0,100}");
    public static final Set<String> AGGREGATORS = Set.of("sum", "avg", "min", "max", "last");

    @PersistenceContext
    private EntityManager em;

    /**
     * Stores a value of a metric.
     *
     * @throws InvalidMetricException when the store, name or aggregator is not one Vumi Go would take
     */
    public MetricPoint fire(String accountId, String store, String name, double value, String aggregator) {
        MetricPoint point = point(accountId, store, name, value, aggregator);
        em.persist(point);
        return point;
    }

    private static MetricPoint point(String accountId, String store, String name, double value, String aggregator) {
        if (!NAME.matcher(store).matches()) {
            throw new InvalidMetricException("Invalid metric store name '" + store + "'; names match "
                    + NAME.pattern());
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidMetricException("Invalid metric name '" + name + "'; names match " + NAME.pattern());
        }
        String agg = aggregator.toLowerCase(Locale.ROOT);
        if (!AGGREGATORS.contains(agg)) {
            throw new InvalidMetricException("Invalid aggregation method '" + aggregator + "'; one of "
                    + AGGREGATORS);
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new InvalidMetricException("A metric value must be a finite number");
        }
        return Checks.valid(new MetricPoint(accountId, store, name, agg, value));
    }

    /** A value of a metric as a client fires it. */
    public record Value(String name, double value, String aggregator) {
    }

    /** Stores several values at once, all or none (each is checked before any is stored). */
    public void fireAll(String accountId, String store, List<Value> values) {
        List<MetricPoint> points = values.stream()
                .map(v -> point(accountId, store, v.name(), v.value(), v.aggregator()))
                .toList();
        points.forEach(em::persist);
    }

    /** A value fired, as the APIs show it. */
    public record Sample(Instant firedAt, double value, String aggregator) {
        static Sample of(MetricPoint point) {
            return new Sample(point.getFiredAt(), point.getValue(), point.getAggregator());
        }
    }

    /** The values of a metric fired with one aggregator in [from, until), oldest first. */
    public List<Sample> points(String accountId, String store, String name, String aggregator, Instant from,
            Instant until) {
        return em.createQuery("select p from MetricPoint p where p.accountId = :account and p.store = :store"
                + " and p.name = :name and p.aggregator = :agg and p.firedAt >= :from and p.firedAt < :until"
                + " order by p.firedAt, p.id", MetricPoint.class)
                .setParameter("account", accountId)
                .setParameter("store", store)
                .setParameter("name", name)
                .setParameter("agg", aggregator)
                .setParameter("from", from)
                .setParameter("until", until)
                .getResultStream()
                .map(Sample::of)
                .toList();
    }

    /** The values of a metric fired since a time, oldest first. */
    public List<Sample> points(String accountId, String store, String name, Instant since) {
        return em.createQuery("select p from MetricPoint p where p.accountId = :account and p.store = :store"
                + " and p.name = :name and p.firedAt >= :since order by p.firedAt, p.id", MetricPoint.class)
                .setParameter("account", accountId)
                .setParameter("store", store)
                .setParameter("name", name)
                .setParameter("since", since)
                .getResultStream()
                .map(Sample::of)
                .toList();
    }
}
