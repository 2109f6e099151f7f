package org.switchboard.json;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider. {@code jakarta.json.Json}'s static methods look the provider up through the
 * {@code ServiceLoader} on every call, which on Payara walks the class loaders' resources each time (measured: a tenth
 * of the message path's CPU); this one is looked up once.
 */
public final class Jsonp {

    /** Use as {@code JSON.createObjectBuilder()} where {@code JSON.createObjectBuilder()} would be written. */
    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsonp() {
    }
}
