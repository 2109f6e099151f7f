package org.switchboard.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Binds a JSON object to a record with JSON-B, after checking it the way a strict schema would: every key must name
 * one of the record's components ({@link JsonbProperty} names them on the wire) and every value must have the
 * component's JSON type (or be null). A failed check says which key and why, in words a client can act on; JSON-B's
 * own errors name Java types instead.
 */
public final class StrictRecords {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private StrictRecords() {
    }

    /** What a strict check found wrong with a body. */
    public static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String key;

        public Refused(String key, String message) {
            super(message);
            this.key = key;
        }

        /** The key that was refused. */
        public String key() {
            return key;
        }

        /** Whether the refusal is of a key the record does not have. */
        public boolean unknownKey() {
            return getMessage().startsWith("Unknown ");
        }
    }

    /** The wire names of a record's components, in declaration order. */
    public static List<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(StrictRecords::name).toList();
    }

    /**
     * The record the object describes.
     *
     * @throws Refused naming the first key that is unknown or of the wrong type
     */
    public static <R extends Record> R read(JsonObject json, Class<R> type) {
        Map<String, RecordComponent> components = new java.util.LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            components.put(name(component), component);
        }
        for (Map.Entry<String, JsonValue> entry : json.entrySet()) {
            RecordComponent component = components.get(entry.getKey());
            if (component == null) {
                throw new Refused(entry.getKey(), "Unknown setting '" + entry.getKey() + "'; the known ones are "
                        + String.join(", ", components.keySet()));
            }
            String wrong = wrongType(entry.getValue(), component.getType());
            if (wrong != null) {
                throw new Refused(entry.getKey(), "'" + entry.getKey() + "' must be " + wrong);
            }
        }
        return JSONB.fromJson(json.toString(), type);
    }

    /** The record as a JSON object (null components left out). */
    public static JsonObject write(Record record) {
        try (jakarta.json.JsonReader reader = Jsonp.JSON.createReader(new java.io.StringReader(JSONB.toJson(record)))) {
            return reader.readObject();
        }
    }

    private static String name(RecordComponent component) {
        JsonbProperty property = component.getAnnotation(JsonbProperty.class);
        if (property == null) {
            property = component.getAccessor().getAnnotation(JsonbProperty.class);
        }
        return property == null ? component.getName() : property.value();
    }

    /** What the value should have been, or null when it fits the Java type. */
    private static String wrongType(JsonValue value, Class<?> type) {
        if (value == JsonValue.NULL) {
            return type.isPrimitive() ? "given (it cannot be null)" : null;
        }
        if (type == String.class) {
            return value.getValueType() == JsonValue.ValueType.STRING ? null : "a string or null";
        }
        if (type == Boolean.class || type == boolean.class) {
            return value == JsonValue.TRUE || value == JsonValue.FALSE ? null : "true, false or null";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return value instanceof JsonNumber number && number.isIntegral()
                    && number.bigIntegerValue().bitLength() < 32 ? null : "a whole number or null";
        }
        if (type == Double.class || type == double.class) {
            return value instanceof JsonNumber ? null : "a number or null";
        }
        if (type.isRecord()) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return "an object or null";
            }
            @SuppressWarnings("unchecked")
            Class<? extends Record> nested = (Class<? extends Record>) type;
            read(value.asJsonObject(), nested);
            return null;
        }
        if (List.class.isAssignableFrom(type)) {
            return value.getValueType() == JsonValue.ValueType.ARRAY ? null : "a list or null";
        }
        if (Map.class.isAssignableFrom(type) || type == JsonObject.class) {
            return value.getValueType() == JsonValue.ValueType.OBJECT ? null : "an object or null";
        }
        return null;
    }
}
