package org.switchboard.channels;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.engine.SendResult;

/**
 * What the vendors reached over HTTP (Twilio, Bandwidth, Vonage) share: their description, their table of error codes,
 * the client, and how an overloaded API is answered.
 */
public abstract class HttpVendor implements ServiceVendor {

    protected final VendorHttp http;
    private final Metadata metadata;
    private final List<Setting> settings;
    private final Map<String, String> errors;

    /** For CDI's proxy. */
    protected HttpVendor() {
        this(null, null, List.of(), Map.of());
    }

    protected HttpVendor(VendorHttp http, Metadata metadata, List<Setting> settings, Map<String, String> errors) {
        this.http = http;
        this.metadata = metadata;
        this.settings = settings;
        this.errors = errors;
    }

    @Override
    public Metadata metadata() {
        return metadata;
    }

    @Override
    public List<Setting> settings() {
        return settings;
    }

    @Override
    public Map<String, String> errorDescriptions() {
        return errors;
    }

    /** Throttled (429) or failing on its side (5xx): tried again, after its Retry-After when it gives one. */
    protected Optional<SendResult> overloaded(HttpResponse<?> response, String detail) {
        if (response.statusCode() == 429 || response.statusCode() >= 500) {
            return Optional.of(SendResult.retry(metadata.name() + " answered " + response.statusCode()
                    + (detail == null || detail.isEmpty() ? "" : ": " + detail), VendorHttp.retryAfter(response)));
        }
        return Optional.empty();
    }
}
