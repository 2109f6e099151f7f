package org.switchboard.channels;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request a vendor made to a channel's webhook, as the vendor sent it: {@code url} is the URL as the vendor called
 * it (the platform's public URL when one is set, for a proxy in front), {@code params} the query's and the form's
 * parameters, {@code headers} with lower-case names, {@code body} the raw bytes (a JSON webhook's).
 */
public record Webhook(String kind, String method, String url, Map<String, List<String>> headers,
        Map<String, List<String>> params, byte[] body, String contentType) {

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of a parameter, or null. */
    public String param(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The fields of a form body ({@code application/x-www-form-urlencoded}), in order, repeated ones listed. */
    public static Map<String, List<String>> form(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return form;
    }
}
