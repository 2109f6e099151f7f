package org.switchboard.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricSeriesTest {

    @Test
    void aggregatesABucketAsItsAggregatorSays() {
        List<Double> values = List.of(3.0, 1.0, 2.0);
        assertEquals(6.0, MetricSeries.aggregate("sum", values));
        assertEquals(2.0, MetricSeries.aggregate("avg", values));
        assertEquals(1.0, MetricSeries.aggregate("min", values));
        assertEquals(3.0, MetricSeries.aggregate("max", values));
        assertEquals(2.0, MetricSeries.aggregate("last", values));
        assertNull(MetricSeries.aggregate("sum", List.of()));
    }

    @Test
    void eachSampleCountsInTheBucketItFellInAndEmptyBucketsAreNull() {
        List<MetricService.Sample> points = List.of(sample(1_000, 1), sample(1_999, 2), sample(3_500, 5));
        List<MetricSeries.Bucket> series = MetricSeries.buckets(points, "sum", 1_000, 1_000, 4_200);
        assertEquals(List.of(new MetricSeries.Bucket(1_000, 3.0), new MetricSeries.Bucket(2_000, null),
                new MetricSeries.Bucket(3_000, 5.0), new MetricSeries.Bucket(4_000, null)), series);
    }

    private static MetricService.Sample sample(long millis, double value) {
        return new MetricService.Sample(Instant.ofEpochMilli(millis), value, "sum");
    }
}
