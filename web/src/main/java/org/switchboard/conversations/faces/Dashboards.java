package org.switchboard.conversations.faces;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.counts.Counts;
import org.switchboard.counts.MessageCounts;
import org.switchboard.json.JsonStrings;
import org.switchboard.metrics.MetricSeries;
import org.switchboard.ui.Charts;

/**
 * A jsbox's {@code reports} layout drawn as Vumi Go's dashboards drew it (seed 001, "Vumi Go Dashboards"): rows of
 * diamondash widgets on a 12-column grid ({@code width}, a {@code "new_row"} between rows), each reading metrics over
 * its {@code time_range} in buckets of its {@code bucket_size}: an {@code LValueWidget}'s latest value and the one a
 * time range before, a {@code GraphWidget}'s lines, a {@code HistogramWidget}'s bars, a {@code PieWidget}'s shares.
 * Targets are {@code {metric_type: account, store, name, aggregator}} (the metrics the app fires) or
 * {@code {metric_type: conversation, name, aggregator}}, where Vumi Go's conversation metrics ({@code messages_sent},
 * {@code messages_received}, {@code outbound_unique_addresses}, {@code inbound_unique_addresses}) come from the counts.
 * A layout that cannot be drawn says where ({@code reports.layout[2].target.name}) instead of a widget.
 */
@ApplicationScoped
public class Dashboards {

    private static final Pattern SPAN = Pattern.compile("(\\d{1,6})([smhdw])");
    private static final int MOST_BUCKETS = 2000;

    @Inject
    MetricSeries series;

    @Inject
    MessageCounts counts;

    /** A widget drawn: its kind (lvalue, graph, histogram, pie), title, columns, and what it shows. */
    public record Widget(String kind, String name, int width, String chart, String value, String change,
            String error) implements Serializable {
    }

    /** A row of widgets. */
    public record Row(List<Widget> widgets) implements Serializable {
    }

    /** The layout of the conversation's {@code reports} config key (null when it has none). */
    public static JsonArray layout(JsonObject config) {
        JsonValue reports = config.get("reports");
        try {
            JsonObject parsed = reports instanceof JsonString text
                    ? JsonStrings.object(text.getString())
                    : reports instanceof JsonObject object ? object : null;
            return parsed != null && parsed.get("layout") instanceof JsonArray layout ? layout : null;
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_ARRAY; // drawn as one message: the key is not JSON
        }
    }

    /** The rows of the layout, each widget read now. */
    public List<Row> draw(String accountId, String conversationId, JsonArray layout, Instant now) {
        List<Row> rows = new ArrayList<>();
        List<Widget> row = new ArrayList<>();
        if (layout.isEmpty()) {
            row.add(failed("reports", "The config key 'reports' is not {\"layout\": [widgets]} as JSON"));
        }
        for (int i = 0; i < layout.size(); i++) {
            String where = "reports.layout[" + i + "]";
            JsonValue item = layout.get(i);
            if (item instanceof JsonString s && s.getString().equals("new_row")) {
                if (!row.isEmpty()) {
                    rows.add(new Row(row));
                    row = new ArrayList<>();
                }
                continue;
            }
            try {
                if (!(item instanceof JsonObject widget)) {
                    throw new IllegalArgumentException(where + ": a widget object or \"new_row\"");
                }
                row.add(widget(accountId, conversationId, widget, where, now));
            } catch (IllegalArgumentException e) {
                row.add(failed(where, e.getMessage()));
            }
        }
        if (!row.isEmpty()) {
            rows.add(new Row(row));
        }
        return rows;
    }

    private static Widget failed(String where, String why) {
        return new Widget("error", where, 12, null, null, null, why);
    }

    private Widget widget(String accountId, String conversationId, JsonObject widget, String where, Instant now) {
        String type = text(widget, "type", where);
        String kind = type.substring(type.lastIndexOf('.') + 1).replace("Widget", "").toLowerCase(Locale.ROOT);
        String name = widget.getString("name", kind);
        Duration range = span(widget.getString("time_range", "1d"), where + ".time_range");
        int width = widget.get("width") instanceof JsonNumber n
                ? Math.max(1, Math.min(12, n.intValue()))
                : kind.equals("lvalue") ? 3 : 6;
        switch (kind) {
            case "lvalue" -> {
                JsonObject target = object(widget, "target", where);
                List<Double> two = values(accountId, conversationId, target, where + ".target", now.minus(range)
                        .minus(range), range, now);
                Double before = two.get(0);
                Double current = two.get(1);
                String change = before == null || current == null || before == 0
                        ? null
                        : String.format(Locale.ROOT, "%+.1f%% on the %s before", 100 * (current - before) / before,
                                widget.getString("time_range", "1d"));
                return new Widget(kind, name, width, null, number(current), change, null);
            }
            case "graph", "histogram" -> {
                Duration bucket = span(widget.getString("bucket_size", "1h"), where + ".bucket_size");
                if (range.dividedBy(bucket) > MOST_BUCKETS) {
                    throw new IllegalArgumentException(where + ": time_range / bucket_size is more than "
                            + MOST_BUCKETS + " buckets");
                }
                Instant from = now.minus(range);
                List<JsonObject> metrics = kind.equals("histogram")
                        ? List.of(JSON.createObjectBuilder().add("name", name).add("target",
                                object(widget, "target", where)).build())
                        : list(widget, where);
                JsonArrayBuilder labels = JSON.createArrayBuilder();
                for (Instant at = from; at.isBefore(now); at = at.plus(bucket)) {
                    labels.add((bucket.compareTo(Duration.ofDays(1)) >= 0 ? Charts.DAYS : Charts.TIMES).format(at));
                }
                JsonArrayBuilder datasets = JSON.createArrayBuilder();
                for (int m = 0; m < metrics.size(); m++) {
                    JsonObject metric = metrics.get(m);
                    String at = where + (kind.equals("histogram") ? "" : ".metrics[" + m + "]");
                    JsonArrayBuilder data = JSON.createArrayBuilder();
                    values(accountId, conversationId, object(metric, "target", at), at + ".target", from, bucket, now)
                            .forEach(v -> data.add(v == null ? JsonValue.NULL : JSON.createValue(v)));
                    datasets.add(JSON.createObjectBuilder().add("label", metric.getString("name", "metric " + m))
                            .add("data", data).add("spanGaps", true));
                }
                return new Widget(kind, name, width, Charts.chart(kind.equals("graph") ? "line" : "bar", labels,
                        datasets), null, null, null);
            }
            case "pie" -> {
                List<JsonObject> metrics = list(widget, where);
                JsonArrayBuilder labels = JSON.createArrayBuilder();
                JsonArrayBuilder data = JSON.createArrayBuilder();
                for (int m = 0; m < metrics.size(); m++) {
                    String at = where + ".metrics[" + m + "]";
                    labels.add(metrics.get(m).getString("name", "metric " + m));
                    Double value = values(accountId, conversationId, object(metrics.get(m), "target", at),
                            at + ".target", now.minus(range), range, now).get(0);
                    data.add(value == null ? 0 : value);
                }
                return new Widget(kind, name, width, Charts.chart("pie", labels, JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder().add("label", name).add("data", data))), null, null, null);
            }
            default -> throw new IllegalArgumentException(where + ".type: \"" + type + "\" is not one of"
                    + " diamondash's LValueWidget, GraphWidget, HistogramWidget or PieWidget");
        }
    }

    /** The target's value in each bucket of {@code size} from {@code from} until {@code until} (null: none fired). */
    private List<Double> values(String accountId, String conversationId, JsonObject target, String where,
            Instant from, Duration size, Instant until) {
        String type = target.getString("metric_type", "account");
        String name = text(target, "name", where);
        String aggregator = target.getString("aggregator", "last").toLowerCase(Locale.ROOT);
        if (type.equals("account")) {
            String store = target.getString("store", "default");
            try {
                return series.series(accountId, "stores." + store + "." + name + "." + aggregator,
                        from.toEpochMilli(), size.toMillis(), until).stream().map(MetricSeries.Bucket::y).toList();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        if (!type.equals("conversation")) {
            throw new IllegalArgumentException(where + ".metric_type: account or conversation, not \"" + type + "\"");
        }
        return conversation(accountId, conversationId, name, where, from, size, until);
    }

    /** Vumi Go's conversation metrics, from the counts: per bucket, the sum of the counts' buckets in it. */
    private List<Double> conversation(String accountId, String conversationId, String name, String where,
            Instant from, Duration size, Instant until) {
        java.util.function.Function<Counts, Long> metric = switch (name) {
            case "messages_sent" -> Counts::sent;
            case "messages_received" -> Counts::received;
            case "outbound_unique_addresses" -> Counts::uniqueRecipients;
            case "inbound_unique_addresses" -> Counts::uniqueSenders;
            default -> throw new IllegalArgumentException(where + ".name: a conversation's metrics are"
                    + " messages_sent, messages_received, outbound_unique_addresses and inbound_unique_addresses");
        };
        boolean unique = name.endsWith("unique_addresses");
        MessageCounts.Size grain = unique || size.compareTo(Duration.ofDays(1)) >= 0
                ? MessageCounts.Size.DAY
                : MessageCounts.Size.QUARTER;
        List<MessageCounts.Bucket> buckets = counts.conversation(accountId, conversationId, grain, from, until)
                .buckets();
        List<Double> values = new ArrayList<>();
        for (Instant at = from; at.isBefore(until); at = at.plus(size)) {
            Instant start = at;
            Instant end = at.plus(size);
            values.add(buckets.stream().filter(b -> !b.start().isBefore(grain.floor(start)) && b.start().isBefore(end))
                    .map(b -> metric.apply(b.counts())).filter(v -> v != null).mapToDouble(Long::doubleValue)
                    .sum());
        }
        return values;
    }

    static Duration span(String text, String where) {
        Matcher m = SPAN.matcher(text == null ? "" : text.trim());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(where + ": \"" + text + "\" is not a span such as 30s, 5m, 1h, 1d, 1w");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    private static String number(Double value) {
        if (value == null) {
            return "–";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%,d", value.longValue())
                : String.format(Locale.ROOT, "%,.2f", value);
    }

    private static List<JsonObject> list(JsonObject widget, String where) {
        if (!(widget.get("metrics") instanceof JsonArray metrics) || metrics.isEmpty()) {
            throw new IllegalArgumentException(where + ".metrics: a list of {name, target}");
        }
        List<JsonObject> list = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            if (!(metrics.get(i) instanceof JsonObject metric)) {
                throw new IllegalArgumentException(where + ".metrics[" + i + "]: an object {name, target}");
            }
            list.add(metric);
        }
        return list;
    }

    private static JsonObject object(JsonObject json, String key, String where) {
        if (!(json.get(key) instanceof JsonObject object)) {
            throw new IllegalArgumentException(where + "." + key + ": required, an object");
        }
        return object;
    }

    private static String text(JsonObject json, String key, String where) {
        if (!(json.get(key) instanceof JsonString text) || text.getString().isBlank()) {
            throw new IllegalArgumentException(where + "." + key + ": required, a string");
        }
        return text.getString();
    }
}
