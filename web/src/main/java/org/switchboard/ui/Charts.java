package org.switchboard.ui;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Charts for PrimeFaces' {@code p:chart}: the Chart.js configuration (Chart.js ships inside PrimeFaces, so a chart
 * asks nothing of any other host), from points in time and a few named series over them.
 */
public final class Charts {

    /** A day's label, as {@code 3 Dec}. */
    public static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("d MMM").withZone(ZoneOffset.UTC);
    /** A time of day's label, as {@code 14:15} (UTC). */
    public static final DateTimeFormatter TIMES = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private static final String[] COLOURS = {"#3b82f6", "#10b981", "#f59e0b", "#8b5cf6", "#ef4444"};

    private Charts() {
    }

    /** A series: its label and its value at each point. */
    public record Series<T>(String label, ToLongFunction<T> value) {
    }

    /** The configuration of a line chart of the series over the points, labelled by their times. */
    @SafeVarargs
    public static <T> String lines(List<T> points, Function<T, Instant> at, DateTimeFormatter labels,
            Series<T>... series) {
        JsonArrayBuilder times = JSON.createArrayBuilder();
        points.forEach(point -> times.add(labels.format(at.apply(point))));
        Map<String, JsonArrayBuilder> values = new LinkedHashMap<>();
        for (Series<T> one : series) {
            JsonArrayBuilder data = JSON.createArrayBuilder();
            points.forEach(point -> data.add(one.value().applyAsLong(point)));
            values.put(one.label(), data);
        }
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        values.forEach((label, data) -> datasets.add(JSON.createObjectBuilder().add("label", label).add("data", data)
                .add("tension", 0.2).add("pointRadius", points.size() > 40 ? 0 : 3)));
        return chart("line", times, datasets);
    }

    /**
     * A chart's configuration: of a type (line, bar, pie), its labels and datasets, each dataset given its colour
     * (a pie's, a colour a slice), on a scale from zero.
     */
    public static String chart(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets) {
        JsonArrayBuilder coloured = JSON.createArrayBuilder();
        var built = datasets.build();
        for (int i = 0; i < built.size(); i++) {
            var dataset = JSON.createObjectBuilder(built.getJsonObject(i));
            if (type.equals("pie")) {
                JsonArrayBuilder slices = JSON.createArrayBuilder();
                for (int s = 0; s < built.getJsonObject(i).getJsonArray("data").size(); s++) {
                    slices.add(COLOURS[s % COLOURS.length]);
                }
                dataset.add("backgroundColor", slices);
            } else {
                String colour = COLOURS[i % COLOURS.length];
                dataset.add("borderColor", colour).add("backgroundColor", colour);
            }
            coloured.add(dataset);
        }
        var options = JSON.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                .add("animation", false);
        if (!type.equals("pie")) {
            options.add("scales", JSON.createObjectBuilder().add("y", JSON.createObjectBuilder()
                    .add("beginAtZero", true)));
        }
        return JSON.createObjectBuilder()
                .add("type", type)
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", coloured))
                .add("options", options)
                .build().toString();
    }

    /** A share in per cent with one decimal, or a dash when the whole is nothing. */
    public static String percent(long part, long whole) {
        return whole == 0 ? "–" : String.format("%.1f %%", 100.0 * part / whole);
    }
}
