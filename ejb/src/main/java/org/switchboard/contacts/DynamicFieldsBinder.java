package org.switchboard.contacts;

import org.switchboard.json.JsonStrings;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.hibernate.search.engine.backend.analysis.AnalyzerNames;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.mapper.pojo.bridge.PropertyBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.PropertyBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.PropertyBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.PropertyBridgeWriteContext;

/**
 * Indexes a JSON object of strings as one field per key, named as Vumi Go named them: {@code extras-<key>} for a
 * contact's extra fields, {@code subscription-<key>} for its subscriptions.
 */
abstract class DynamicFieldsBinder implements PropertyBinder {

    private final String prefix;

    DynamicFieldsBinder(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void bind(PropertyBindingContext context) {
        context.dependencies().useRootOnly();
        context.indexSchemaElement()
                .fieldTemplate(prefix + "template", f -> f.asString().analyzer(AnalyzerNames.DEFAULT))
                .matchingPathGlob(prefix + "*");
        context.bridge(String.class, new Bridge(prefix));
    }

    /** {@code extras-<key>} */
    public static final class Extras extends DynamicFieldsBinder {
        public Extras() {
            super("extras-");
        }
    }

    /** {@code subscription-<key>} */
    public static final class Subscriptions extends DynamicFieldsBinder {
        public Subscriptions() {
            super("subscription-");
        }
    }

    private record Bridge(String prefix) implements PropertyBridge<String> {
        @Override
        public void write(DocumentElement target, String json, PropertyBridgeWriteContext context) {
            JsonObject fields = JsonStrings.object(json);
            for (var field : fields.entrySet()) {
                if (!ContactJson.DYNAMIC_KEY.matcher(field.getKey()).matches()) {
                    continue; // not a name a query could spell
                }
                JsonValue value = field.getValue();
                if (value instanceof JsonString text) {
                    target.addValue(prefix + field.getKey(), text.getString());
                } else if (value != JsonValue.NULL) {
                    target.addValue(prefix + field.getKey(), value.toString());
                }
            }
        }
    }
}
