package org.switchboard.conversations;

import jakarta.json.JsonObject;

/**
 * What a request changes in a conversation; each part null when not asked for. {@link ConversationService} checks
 * every part before it makes any, so a refused request changes nothing.
 *
 * @param name its name
 * @param config a jsbox app's config, or the settings of a junebug or http_api conversation
 * @param javascript a jsbox app as one script
 * @param bundle a jsbox app as a zip of its script and node_modules, run from {@code main}
 * @param main the bundle's file to run ({@code index.js} unless said)
 */
public record ConversationChange(String name, JsonObject config, String javascript, byte[] bundle, String main) {

    /** The app's file a bundle runs when none is named. */
    public static final String DEFAULT_MAIN = "index.js";

    public static ConversationChange config(JsonObject config) {
        return new ConversationChange(null, config, null, null, null);
    }

    public static ConversationChange javascript(String javascript) {
        return new ConversationChange(null, null, javascript, null, null);
    }

    public static ConversationChange bundle(byte[] zip, String main) {
        return new ConversationChange(null, null, null, zip == null ? new byte[0] : zip, main);
    }
}
