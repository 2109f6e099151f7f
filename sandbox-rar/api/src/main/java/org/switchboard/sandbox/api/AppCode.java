package org.switchboard.sandbox.api;

import java.util.Map;
import java.util.Objects;

/**
 * The code of an app: a script, or a bundle of files (its script plus a {@code node_modules} of pure-JavaScript
 * packages, as {@code npm install --production} leaves it).
 *
 * @param version names this exact code; a warm context runs only the version it was made for, so a change of code
 *        must come with a new version (a content hash does)
 * @param main the path of the app's script within {@code files}, run with {@code this.api} as Vumi Go ran it
 * @param files the bundle, by path relative to its root ({@code lib/app.js}, {@code node_modules/x/index.js})
 */
public record AppCode(String version, String main, Map<String, String> files) {

    public AppCode {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(main, "main");
        files = Map.copyOf(files);
        if (!files.containsKey(main)) {
            throw new IllegalArgumentException("The bundle has no file " + main + " to run");
        }
    }

    /** A single script, the way most Vumi Go apps were pasted in. */
    public static AppCode script(String version, String javascript) {
        return new AppCode(version, "app.js", Map.of("app.js", javascript));
    }
}
