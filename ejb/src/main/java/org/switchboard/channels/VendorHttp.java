package org.switchboard.channels;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.switchboard.net.AddressGuard;
import org.switchboard.engine.EngineExecutor;
import org.switchboard.json.JsonStrings;
import org.switchboard.engine.Pusher;

/**
 * The HTTP client the vendors' connectors share (the JDK's, asynchronous, on the engine's threads), and what their
 * requests have in common: form bodies, Basic credentials, a vendor's answer read as JSON, and the check of a base URL
 * a channel sets in place of the vendor's (a vendor-compatible API, or a local one in tests), which may reach only
 * what pushes may ({@code switchboard.push.allowed-networks}).
 */
@ApplicationScoped
public class VendorHttp {

    /** How long a vendor has to answer a request. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private HttpClient client;
    private Supplier<AddressGuard> guard;

    protected VendorHttp() {
        // for CDI's proxy
    }

    @Inject
    public VendorHttp(EngineExecutor executor, Pusher pusher) {
        this(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor.get())
                .build(), pusher::guard);
    }

    /** With this client, and this check of the base URLs channels set. */
    public VendorHttp(HttpClient client, Supplier<AddressGuard> guard) {
        this.client = client;
        this.guard = guard;
    }

    /** The vendor's base URL: the channel's {@code api_base_url} when it sets one (checked), else {@code standard}. */
    public String base(VendorConfig config, String standard) {
        String own = config.string("api_base_url");
        if (own == null) {
            return standard;
        }
        guard.get().check(own);
        return own.endsWith("/") ? own.substring(0, own.length() - 1) : own;
    }

    /**
     * Checks the {@code api_base_url} of settings about to be stored, as sends will check it: an http(s) URL whose
     * host may be reached. One that can never be used is refused now, not at each send.
     *
     * @throws IllegalArgumentException saying why the URL cannot be used
     */
    public void checkSettings(JsonObject settings) {
        JsonValue own = settings.get("api_base_url");
        if (own == null || own == JsonValue.NULL) {
            return;
        }
        if (!(own instanceof JsonString url)) {
            throw new IllegalArgumentException("'api_base_url' must be a URL");
        }
        try {
            guard.get().check(url.getString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'api_base_url' cannot be used: " + e.getMessage(), e);
        }
    }

    public CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Sends and waits (for the admin API's requests: number buying, lookups).
     *
     * @throws ServiceVendor.VendorException when the vendor cannot be reached
     */
    public HttpResponse<String> call(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ServiceVendor.VendorException("The vendor could not be reached at " + request.uri().getHost()
                    + ": " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceVendor.VendorException("Interrupted while waiting for the vendor", null);
        }
    }

    public static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A form body ({@code application/x-www-form-urlencoded}), in the order given, a list value repeated. */
    public static String form(Map<String, ?> fields) {
        return fields.entrySet().stream().filter(e -> e.getValue() != null).flatMap(e -> {
            List<?> values = e.getValue() instanceof List<?> list ? list : List.of(e.getValue());
            return values.stream().map(v -> encode(e.getKey()) + "=" + encode(String.valueOf(v)));
        }).collect(Collectors.joining("&"));
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The answer's body as a JSON object; an empty object when it is not one. */
    public static JsonObject json(HttpResponse<String> response) {
        try {
            return JsonStrings.object(response.body());
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    /** The seconds of a Retry-After header, if it gives them. */
    public static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d{1,5}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(null);
    }
}
