package org.switchboard.secrets;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/** Settings as an API shows them: tokens and the passwords in URLs replaced by {@value #SHOWN}, nested ones too. */
public final class Secrets {

    /** What is shown in place of a secret (as Spoke's obscureSensitiveInformation shows it). */
    public static final String SHOWN = "<Encrypted>";

    private Secrets() {
    }

    public static JsonObject masked(JsonObject settings) {
        JsonObjectBuilder shown = JSON.createObjectBuilder();
        for (Map.Entry<String, JsonValue> entry : settings.entrySet()) {
            JsonValue value = entry.getValue();
            if (value instanceof JsonObject nested) {
                shown.add(entry.getKey(), masked(nested));
            } else if (value instanceof JsonString text && (entry.getKey().endsWith("token")
                    || entry.getKey().endsWith("secret") || entry.getKey().endsWith("password"))) {
                shown.add(entry.getKey(), SHOWN);
            } else if (value instanceof JsonString text) {
                shown.add(entry.getKey(), withoutPassword(text.getString()));
            } else {
                shown.add(entry.getKey(), value);
            }
        }
        return shown.build();
    }

    /** A URL with the password of its user info shown as {@value #SHOWN}; any other text as it is. */
    static String withoutPassword(String text) {
        try {
            URI uri = new URI(text);
            String userInfo = uri.getRawUserInfo();
            if (uri.getScheme() == null || userInfo == null || !userInfo.contains(":")) {
                return text;
            }
            return text.replace(userInfo, userInfo.substring(0, userInfo.indexOf(':') + 1) + SHOWN);
        } catch (URISyntaxException e) {
            return text;
        }
    }
}
