package org.switchboard.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A metric summarised in time buckets, as Vumi Go's metrics API answered it: the values fired in each bucket reduced
 * by the metric's aggregator, a bucket with none answered as null. Metrics are named
 * {@code stores.<store>.<name>.<agg>} or {@code conversations.<conversation>.<name>.<agg>}.
 */
@ApplicationScoped
public class MetricSeries {

    @Inject
    MetricService metrics;

    /** A bucket: its start in milliseconds since the epoch, and its value (null when nothing was fired in it). */
    public record Bucket(long x, Double y) {
    }

    /**
     * The account's metric in buckets of {@code size} ms from {@code first} until {@code end}, oldest first.
     *
     * @throws IllegalArgumentException naming the metric when its name is not one of the two forms
     */
    public List<Bucket> series(String accountId, String metric, long first, long size, Instant end) {
        String[] parts = metric.split("\\.");
        boolean store = parts.length >= 4 && parts[0].equals("stores");
        boolean conversation = parts.length >= 4 && parts[0].equals("conversations");
        String agg = parts[parts.length - 1];
        if (!(store || conversation) || !MetricService.AGGREGATORS.contains(agg)) {
            throw new IllegalArgumentException("Unknown metric '" + metric + "': names are"
                    + " stores.<store>.<name>.<agg> or conversations.<conversation>.<name>.<agg>, where agg is one of "
                    + MetricService.AGGREGATORS);
        }
        // no conversation metrics are fired here (in Vumi Go only its own processes fired them): their buckets are
        // empty
        List<MetricService.Sample> points = conversation
                ? List.of()
                : metrics.points(accountId, parts[1], String.join(".", List.of(parts).subList(2, parts.length - 1)),
                        agg, Instant.ofEpochMilli(first), end);
        return buckets(points, agg, first, size, end.toEpochMilli());
    }

    /** The samples (oldest first) reduced bucket by bucket. */
    static List<Bucket> buckets(List<MetricService.Sample> points, String agg, long first, long size, long end) {
        List<Bucket> series = new ArrayList<>();
        int next = 0;
        for (long x = first; x < end; x += size) {
            List<Double> values = new ArrayList<>();
            while (next < points.size() && points.get(next).firedAt().toEpochMilli() < x + size) {
                values.add(points.get(next++).value());
            }
            series.add(new Bucket(x, aggregate(agg, values)));
        }
        return series;
    }

    static Double aggregate(String agg, List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        return switch (agg) {
            case "sum" -> values.stream().mapToDouble(Double::doubleValue).sum();
            case "min" -> values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            case "max" -> values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            case "last" -> values.get(values.size() - 1);
            default -> values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        };
    }
}
