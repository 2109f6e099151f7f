package org.switchboard.errors;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
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
 * Reads JSON request bodies (as {@link JsonValue}, {@link JsonObject} or {@link JsonArray}) with Parsson, after
 * {@link PythonJson} checked the text, so that a malformed body is refused with the same words vumi2 and Vumi Go use
 * ("Expecting value: line 1 column 1 (char 0)") and trailing data is refused as Python refuses it. Taken before
 * Payara's own JSON-P reader because it is an application provider; any Content-Type is read as JSON, as Junebug does.
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class JsonBodyReader implements MessageBodyReader<JsonValue> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonValue.class || type == JsonObject.class || type == JsonArray.class
                || type == JsonStructure.class;
    }

    @Override
    public JsonValue readFrom(Class<JsonValue> type, Type genericType, Annotation[] annotations, MediaType mediaType,
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
        if ((Class<?>) type == JsonObject.class && !(value instanceof JsonObject)) {
            throw ApiException.badRequest("The body must be a JSON object, not "
                    + value.getValueType().name().toLowerCase(java.util.Locale.ROOT));
        }
        if ((Class<?>) type == JsonArray.class && !(value instanceof JsonArray)) {
            throw ApiException.badRequest("The body must be a JSON list, not "
                    + value.getValueType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return value;
    }
}
