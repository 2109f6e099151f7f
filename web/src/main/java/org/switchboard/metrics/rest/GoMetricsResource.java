package org.switchboard.metrics.rest;

import org.switchboard.accounts.AccountView;
import org.switchboard.security.Allowed;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.switchboard.errors.ErrorFormat;
import org.switchboard.errors.Errors;
import org.switchboard.metrics.MetricSeries;
import org.switchboard.metrics.MetricService;
import org.switchboard.security.ApiAuthentication;
import org.switchboard.security.Roles;

/**
 * Vumi Go's metrics API, as the go-http {@code MetricsApiClient} uses it: {@code GET /api/v1/go/metrics/} answers the
 * values of account metrics ({@code stores.<store>.<name>.<agg>}) summarised in time buckets, {@code POST} fires
 * metrics named {@code name.agg} into the account's {@code default} store. The same store the sandbox's
 * {@code metrics} resource and the HTTP API's {@code metrics.json} write.
 */
@Path("api/v1/go/metrics")
@Allowed(Roles.ACCOUNT)
@Errors(ErrorFormat.GO_REST)
@Produces(MediaType.APPLICATION_JSON)
public class GoMetricsResource {

    /** The store metrics fired through this API go to. */
    static final String STORE = "default";
    private static final int MAX_BUCKETS = 10_000;

    @Inject
    MetricService metrics;

    @Inject
    MetricSeries series;

    @Context
    HttpServletRequest request;

    /** A bucket: its start in milliseconds since the epoch, and its value (null when nothing was fired in it). */
    @JsonbNillable
    @JsonbPropertyOrder({"x", "y"})
    public record Point(long x, Double y) {
    }

    /** A fired metric as the API answers it. */
    @JsonbPropertyOrder({"name", "value", "aggregator"})
    public record Fired(String name, double value, String aggregator) {
    }

    /** How empty buckets are answered. */
    enum Nulls {
        ZEROIZE, OMIT, KEEP
    }

    @GET
    @Path("/")
    @Operation(summary = "Values of metrics in time buckets: {metric: [{x: ms, y: value}]}, oldest first")
    @APIResponse(responseCode = "400", description = "An unknown metric, a time or interval that cannot be read", content = @Content(schema = @Schema(ref = "GoRestError")))
    public Map<String, List<Point>> get(
            @Parameter(description = "stores.<store>.<name>.<agg>; may be given several times") @QueryParam("m") List<String> names,
            @Parameter(description = "Graphite time: -30d, yesterday, a Unix timestamp, HH:MM_YYYYMMDD, YYYYMMDD") @QueryParam("from") @DefaultValue("-24h") String from,
            @Parameter(description = "Graphite time, now unless given") @QueryParam("until") @DefaultValue("now") String until,
            @Parameter(description = "Bucket size: 1d, 1hour, 5min") @QueryParam("interval") @DefaultValue("1hour") String interval,
            @QueryParam("align_to_from") @DefaultValue("false") String alignToFrom,
            @Parameter(description = "zeroize, omit or keep") @QueryParam("nulls") @DefaultValue("zeroize") String nulls) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("Name at least one metric with the query parameter 'm'");
        }
        Instant now = Instant.now();
        Instant start = GraphiteTime.at(from, now);
        Instant end = GraphiteTime.at(until, now);
        Duration bucket = GraphiteTime.span(interval);
        if (bucket.isZero()) {
            throw new IllegalArgumentException("'interval' must be longer than nothing");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("'until' (" + until + ") must be after 'from' (" + from + ")");
        }
        boolean aligned = switch (alignToFrom.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'align_to_from' must be true or false");
        };
        Nulls handling;
        try {
            handling = Nulls.valueOf(nulls.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'nulls' must be zeroize, omit or keep, not '" + nulls + "'");
        }
        long size = bucket.toMillis();
        long first = aligned ? start.toEpochMilli() : Math.floorDiv(start.toEpochMilli(), size) * size;
        if ((end.toEpochMilli() - first) / size > MAX_BUCKETS) {
            throw new IllegalArgumentException("That is more than " + MAX_BUCKETS + " buckets: ask for a longer"
                    + " interval or a shorter time");
        }
        Map<String, List<Point>> answer = new LinkedHashMap<>();
        for (String name : names) {
            answer.put(name, series(name, first, size, end, handling));
        }
        return answer;
    }

    private List<Point> series(String metric, long first, long size, Instant end, Nulls nulls) {
        List<Point> points = new ArrayList<>();
        for (MetricSeries.Bucket bucket : series.series(account().id(), metric, first, size, end)) {
            if (bucket.y() != null || nulls == Nulls.KEEP) {
                points.add(new Point(bucket.x(), bucket.y()));
            } else if (nulls == Nulls.ZEROIZE) {
                points.add(new Point(bucket.x(), 0.0));
            }
        }
        return points;
    }

    @POST
    @Path("/")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Fire metrics {\"name.agg\": value}; the suffix picks the aggregator (avg when it is none)")
    public List<Fired> fire(
            @RequestBody(description = "{\"name.agg\": value, ...}", content = @Content(schema = @Schema(ref = "GoMetricsFire"))) JsonValue body) {
        if (!(body instanceof JsonObject json)) {
            throw new IllegalArgumentException("The body must be a JSON object of metric names and values");
        }
        List<Fired> fired = new ArrayList<>();
        List<MetricService.Value> values = new ArrayList<>();
        for (Map.Entry<String, JsonValue> entry : json.entrySet()) {
            if (!(entry.getValue() instanceof JsonNumber number)) {
                throw new IllegalArgumentException("The value of '" + entry.getKey() + "' must be a number");
            }
            String name = entry.getKey();
            int dot = name.lastIndexOf('.');
            String suffix = dot < 0 ? "" : name.substring(dot + 1);
            boolean named = MetricService.AGGREGATORS.contains(suffix);
            String aggregator = named ? suffix : "avg";
            values.add(new MetricService.Value(named ? name.substring(0, dot) : name, number.doubleValue(),
                    aggregator));
            fired.add(new Fired(name, number.doubleValue(), aggregator));
        }
        metrics.fireAll(account().id(), STORE, values);
        return fired;
    }

    private AccountView account() {
        return (AccountView) request.getAttribute(ApiAuthentication.ACCOUNT);
    }
}
