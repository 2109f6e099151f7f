package org.switchboard.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.switchboard.conversations.Conversation;
import org.switchboard.sandbox.api.AppCode;

/**
 * Turns a conversation's stored code into what the sandbox runs, keeping recently used bundles unpacked (by code
 * version, so an update is never served stale).
 */
@ApplicationScoped
public class AppBundles {

    /** Largest bundle, unpacked, that an app may have. */
    public static final long MAX_UNPACKED_BYTES = 32L << 20;
    private static final int CACHED = 64;

    private final Map<String, AppCode> unpacked = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AppCode> eldest) {
            return size() > CACHED;
        }
    };

    /** The code of a jsbox conversation. */
    public AppCode code(Conversation conversation) {
        String version = conversation.getCodeVersion();
        byte[] bundle = conversation.getBundle();
        if (bundle == null) {
            String js = conversation.getJavascript();
            return AppCode.script(version, js == null ? "" : js);
        }
        synchronized (unpacked) {
            AppCode code = unpacked.get(version);
            if (code == null) {
                code = new AppCode(version, conversation.getBundleMain(), unpack(bundle));
                unpacked.put(version, code);
            }
            return code;
        }
    }

    /** Thrown for a bundle the sandbox could not run; the message says what is wrong with it. */
    public static final class InvalidBundleException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidBundleException(String message) {
            super(message);
        }
    }

    /**
     * Checks an uploaded bundle and finds the script to run: {@code main} if given, else the {@code main} of its
     * package.json, else go-app.js or index.js.
     *
     * @return the path of the app's script within the bundle
     */
    public static String validate(byte[] zip, String main) throws InvalidBundleException {
        Map<String, String> files;
        try {
            files = unpackChecked(zip);
        } catch (IOException e) {
            throw new InvalidBundleException("The bundle is not a readable zip file: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new InvalidBundleException("The bundle holds no .js or .json file");
        }
        if (main != null && !main.isBlank()) {
            if (!files.containsKey(main)) {
                throw new InvalidBundleException("The bundle has no file " + main);
            }
            return main;
        }
        String packageJson = files.get("package.json");
        if (packageJson != null) {
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(packageJson))) {
                String declared = reader.readObject().getString("main", null);
                if (declared != null) {
                    String path = declared.startsWith("./") ? declared.substring(2) : declared;
                    for (String candidate : new String[]{path, path + ".js"}) {
                        if (files.containsKey(candidate)) {
                            return candidate;
                        }
                    }
                }
            } catch (RuntimeException e) {
                throw new InvalidBundleException("The bundle's package.json is not valid JSON: " + e.getMessage());
            }
        }
        for (String candidate : new String[]{"go-app.js", "index.js", "app.js"}) {
            if (files.containsKey(candidate)) {
                return candidate;
            }
        }
        throw new InvalidBundleException(
                "Say which file of the bundle to run (main), or give it a package.json main, go-app.js or index.js");
    }

    /** The text of one file of a bundle. */
    public static String file(byte[] zip, String path) {
        return unpack(zip).get(path);
    }

    private static Map<String, String> unpack(byte[] zip) {
        try {
            return unpackChecked(zip);
        } catch (IOException | InvalidBundleException e) {
            throw new IllegalStateException("A stored bundle cannot be read: " + e.getMessage(), e);
        }
    }

    /** The bundle's .js and .json files by path; other files are not code the sandbox can use. */
    private static Map<String, String> unpackChecked(byte[] zip) throws IOException, InvalidBundleException {
        Map<String, String> files = new HashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName().replace('\\', '/');
                if (entry.isDirectory() || !(name.endsWith(".js") || name.endsWith(".json"))) {
                    continue;
                }
                if (name.startsWith("/") || name.contains("../")) {
                    throw new InvalidBundleException("The bundle's entry " + name + " points outside the bundle");
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNPACKED_BYTES - total + 1));
                total += bytes.length;
                if (total > MAX_UNPACKED_BYTES) {
                    throw new InvalidBundleException(
                            "The bundle's code is larger than " + (MAX_UNPACKED_BYTES >> 20) + " MiB unpacked");
                }
                files.put(name.startsWith("./") ? name.substring(2) : name, utf8(name, bytes));
            }
        }
        return files;
    }

    private static String utf8(String name, byte[] bytes) throws InvalidBundleException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidBundleException("The bundle's file " + name + " is not UTF-8 text");
        }
    }
}
