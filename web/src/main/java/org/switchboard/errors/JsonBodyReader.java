package org.switchboard.errors;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.annotation.Priority;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads JSON request bodies (as {@link JsonValue}, {@link JsonObject} or {@link JsonArray}: one reader for each, so
 * that each is the closest match for its parameter type and wins over Payara's own JSON-P readers) with Parsson, after
 * {@link PythonJson} checked the text, so that a malformed body is refused with the same words vumi2 and Vumi Go use
 * ("Expecting value: line 1 column 1 (char 0)") and trailing data is refused as Python refuses it. Any Content-Type
 * is read as JSON, as Junebug does.
 */
public abstract class JsonBodyReader<T extends JsonValue> implements MessageBodyReader<T> {

    private final Class<T> type;

    JsonBodyReader(Class<T> type) {
        this.type = type;
    }

    /** For {@link JsonValue} parameters. */
    @Provider
    @Priority(1)
    @Consumes({MediaType.APPLICATION_JSON, "application/*+json", MediaType.WILDCARD})
    public static class Values extends JsonBodyReader<JsonValue> {
        public Values() {
            super(JsonValue.class);
        }
    }

    /** For {@link JsonObject} parameters. */
    @Provider
    @Priority(1)
    @Consumes({MediaType.APPLICATION_JSON, "application/*+json", MediaType.WILDCARD})
    public static class Objects extends JsonBodyReader<JsonObject> {
        public Objects() {
            super(JsonObject.class);
        }
    }

    /** For {@link JsonArray} parameters. */
    @Provider
    @Priority(1)
    @Consumes({MediaType.APPLICATION_JSON, "application/*+json", MediaType.WILDCARD})
    public static class Arrays extends JsonBodyReader<JsonArray> {
        public Arrays() {
            super(JsonArray.class);
        }
    }

    @Override
    public boolean isReadable(Class<?> requested, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return requested == type;
    }

    @Override
    public T readFrom(Class<T> requested, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        String text = new String(entity.readAllBytes(), charset == null
                ? StandardCharsets.UTF_8
                : Charset.forName(charset));
        String error = PythonJson.error(text);
        if (error != null) {
            throw new InvalidJsonException(error);
        }
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (RuntimeException e) { // what Python reads and Parsson does not: NaN, nesting deeper than it takes
            throw new InvalidJsonException("The body could not be read as JSON: " + e.getMessage());
        }
        if (text.contains("\\u0000") && holdsNul(value)) {
            throw new IllegalArgumentException("Text may not hold the NUL character (\\u0000): the database cannot"
                    + " store it");
        }
        if (!type.isInstance(value)) {
            throw ApiException.badRequest("The body must be a JSON " + (type == JsonArray.class ? "list" : "object")
                    + ", not " + value.getValueType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return type.cast(value);
    }

    /** Whether a string or a key anywhere in the value holds U+0000, which PostgreSQL's text cannot store. */
    static boolean holdsNul(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString().indexOf('\0') >= 0;
            case ARRAY -> value.asJsonArray().stream().anyMatch(JsonBodyReader::holdsNul);
            case OBJECT -> value.asJsonObject().entrySet().stream()
                    .anyMatch(e -> e.getKey().indexOf('\0') >= 0 || holdsNul(e.getValue()));
            default -> false;
        };
    }
}
