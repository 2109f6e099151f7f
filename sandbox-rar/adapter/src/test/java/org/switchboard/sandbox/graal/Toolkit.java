package org.switchboard.sandbox.graal;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.HashMap;
import java.util.Map;
import org.switchboard.sandbox.api.AppCode;

/** The vumigo_v02 toolkit as the adapter ships it, and the USSD messages its apps are driven with. */
final class Toolkit {

    private static final String RESOURCES = "org/switchboard/sandbox/modules/";
    private static final String PACKAGE = "node_modules/vumigo_v02/";

    private Toolkit() {
    }

    /**
     * The toolkit's package as an app bundle running its "simple" example unmodified: its
     * {@code require('../../../lib')} resolves inside the bundle, lodash, q and the rest come from the platform's set.
     */
    static AppCode simple() {
        return example("simple");
    }

    /** The toolkit's package as an app bundle running one of its examples (simple, contacts, http) unmodified. */
    static AppCode example(String name) {
        Map<String, String> files = new HashMap<>();
        platformFiles().forEach((path, text) -> {
            if (path.startsWith(PACKAGE)) {
                files.put(path.substring(PACKAGE.length()), text);
            }
        });
        return new AppCode("toolkit-" + name, "examples/" + name + "/lib/app.js", files);
    }

    /**
     * vumigo_v02 0.2 as an app of its generation bundled it: the toolkit with its own lodash 2.4, q 0.9, moment 2.6 and
     * jed 0.5 in the bundle's node_modules (fetched by the build into target/test-bundles), running one of the
     * toolkit's examples unmodified.
     */
    static AppCode v02Example(String name) {
        return bundle("vumigo-0.2", "toolkit-0.2-" + name, PACKAGE + "examples/" + name + "/lib/app.js");
    }

    /** A bundle the build laid out under target/test-bundles: every .js and .json file, by its path in the bundle. */
    static AppCode bundle(String dir, String version, String main) {
        Path root = Path.of("target/test-bundles", dir);
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                String name2 = root.relativize(path).toString().replace('\\', '/');
                if (name2.endsWith(".js") || name2.endsWith(".json")) {
                    files.put(name2, Files.readString(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AppCode(version, main, files);
    }

    /** Every .js and .json file of the platform's module set, by its path under node_modules. */
    static Map<String, String> platformFiles() {
        Map<String, String> files = new HashMap<>();
        for (String line : read("modules.index").split("\n")) {
            if (line.endsWith(".js") || line.endsWith(".json")) {
                files.put(line, read(line));
            }
        }
        return files;
    }

    /** An inbound USSD message as the platform hands it to an app. */
    static String ussd(String from, String sessionEvent, String content) {
        return Json.createObjectBuilder().add("cmd", "inbound-message").add("msg", Json.createObjectBuilder()
                .add("message_id", Long.toHexString(System.nanoTime()))
                .add("content", content == null ? JsonValue.NULL : Json.createValue(content))
                .add("from_addr", from).add("to_addr", "*120#").add("session_event", sessionEvent)
                .add("transport_type", "ussd").add("transport_name", "fake")
                .add("helper_metadata", JsonValue.EMPTY_JSON_OBJECT)
                .add("message_version", "20110921").add("message_type", "user_message"))
                .build().toString();
    }

    private static String read(String name) {
        try (InputStream in = Toolkit.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("The adapter's module set has no " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
