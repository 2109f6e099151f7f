package org.switchboard.messages.junebug;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.StringJoiner;

/**
 * A JSON value as Python 2's {@code repr} writes what {@code json.loads} made of it, for error texts that Junebug's
 * clients may match on ({@code u'smpp'}, {@code {u'a': 1}}, {@code None}, {@code True}).
 */
final class PythonRepr {

    private PythonRepr() {
    }

    static String of(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return "None";
        }
        return switch (value.getValueType()) {
            case TRUE -> "True";
            case FALSE -> "False";
            case NUMBER -> ((JsonNumber) value).toString();
            case STRING -> string(((JsonString) value).getString());
            case ARRAY -> {
                StringJoiner items = new StringJoiner(", ", "[", "]");
                ((JsonArray) value).forEach(item -> items.add(of(item)));
                yield items.toString();
            }
            case OBJECT -> {
                StringJoiner items = new StringJoiner(", ", "{", "}");
                ((JsonObject) value).forEach((key, item) -> items.add(string(key) + ": " + of(item)));
                yield items.toString();
            }
            default -> "None";
        };
    }

    /**
     * A unicode string's repr: {@code u'...'}, in double quotes when it holds a single quote and no double one,
     * backslash, tab, newline and return escaped, other non-printable and non-ASCII characters as {@code \xNN},
     * {@code \\uNNNN} or {@code \UNNNNNNNN}.
     */
    static String string(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder("u").append(quote);
        text.codePoints().forEach(c -> {
            if (c == quote || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else if (c < 0x7f) {
                out.append((char) c);
            } else if (c <= 0xff) {
                out.append(String.format("\\x%02x", c));
            } else if (c <= 0xffff) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append(String.format("\\U%08x", c));
            }
        });
        return out.append(quote).toString();
    }
}
