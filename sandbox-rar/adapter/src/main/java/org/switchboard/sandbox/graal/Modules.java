package org.switchboard.sandbox.graal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Source;
import org.switchboard.sandbox.api.AppCode;

/**
 * What {@code require} can reach, as one virtual file tree: the app's bundle under {@code /app} and the platform's
 * module set (fetched from the npm registry by the build, shipped in this adapter) under {@code /platform}. Resolution
 * follows Node's: relative paths, then {@code node_modules} folders up the tree, then the platform's set. Nothing else
 * exists: no Node core module, no file of the host.
 */
final class Modules {

    static final String APP = "/app";
    static final String PLATFORM = "/platform";
    private static final String RESOURCES = "org/switchboard/sandbox/modules/";

    /** Node core modules that would reach the host; requiring one is an attempt to leave the sandbox. */
    static final Set<String> HOST_MODULES = Set.of("fs", "child_process", "net", "http", "https", "http2", "os",
            "vm", "cluster", "dgram", "dns", "tls", "worker_threads", "module", "v8", "inspector",
            "perf_hooks", "repl", "readline");

    private final Set<String> platformFiles;
    private final Map<String, Source> platformSources = new ConcurrentHashMap<>();
    /** Apps' modules, by code version and path: the least used go first (Caffeine, as the platform's caches). */
    private final Cache<String, Source> appSources = Caffeine.newBuilder().maximumSize(4096).build();
    private final Map<String, PackageInfo> packages = new ConcurrentHashMap<>();

    Modules() {
        platformFiles = readIndex();
    }

    /** Thrown for a module whose only purpose is to reach the host: the invocation ends. */
    static final class ForbiddenModuleException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ForbiddenModuleException(String message) {
            super(message);
        }
    }

    /**
     * Resolves {@code request} as required from a module in {@code dir}.
     *
     * @return the file's path, or null when there is no such module
     * @throws ForbiddenModuleException for a Node core module that would reach the host
     */
    String resolve(AppCode app, String dir, String request) {
        String name = request.startsWith("node:") ? request.substring(5) : request;
        if (HOST_MODULES.contains(name.split("/")[0])) {
            throw new ForbiddenModuleException("require('" + request + "') was refused: the sandbox gives no access "
                    + "to the host; use the sandbox resources (api.request) instead");
        }
        if (request.startsWith("./") || request.startsWith("../") || request.equals(".") || request.equals("..")) {
            String target = normalize(dir + "/" + request);
            return target == null || !root(target).equals(root(dir)) ? null : fileOrDirectory(app, target);
        }
        if (request.isEmpty() || request.startsWith("/")) {
            return null;
        }
        String root = root(dir);
        for (String folder = dir; folder.length() >= root.length(); folder = parent(folder)) {
            if (folder.endsWith("/node_modules")) {
                continue;
            }
            String found = fileOrDirectory(app, normalize(folder + "/node_modules/" + request));
            if (found != null) {
                return found;
            }
        }
        return root.equals(PLATFORM) ? null : fileOrDirectory(app, normalize(PLATFORM + "/node_modules/" + request));
    }

    /** The module at {@code path} as a function of (exports, require, module, __filename, __dirname). */
    Source module(AppCode app, String path) {
        if (path.startsWith(PLATFORM + "/")) {
            return platformSources.computeIfAbsent(path, p -> wrap(p, read(app, p), false));
        }
        String key = app.version() + '\u0000' + path;
        return appSources.get(key, k -> wrap(path, read(app, path), path.equals(APP + "/" + app.main())));
    }

    static String mainPath(AppCode app) {
        return APP + "/" + app.main();
    }

    /** The app's script runs as a function of (api, require) with this.api, as runInNewContext gave it. */
    private static Source wrap(String path, String text, boolean main) {
        String code;
        if (main) {
            code = "(function (api, require) {" + text + "\n})";
        } else if (path.endsWith(".json")) {
            code = "(function (exports, require, module) { module.exports = " + text + "\n;})";
        } else {
            code = "(function (exports, require, module, __filename, __dirname) {" + stripShebang(text) + "\n})";
        }
        return Source.newBuilder("js", code, path).cached(true).buildLiteral();
    }

    private static String stripShebang(String text) {
        return text.startsWith("#!") ? "//" + text : text;
    }

    private String fileOrDirectory(AppCode app, String path) {
        String found = findFileOrDirectory(app, path);
        return found == null ? null : browserReplacement(app, found);
    }

    private String findFileOrDirectory(AppCode app, String path) {
        if (path == null) {
            return null;
        }
        for (String candidate : List.of(path, path + ".js", path + ".json")) {
            if (isFile(app, candidate)) {
                return candidate;
            }
        }
        String main = packageOf(app, path + "/package.json").main();
        if (main != null) {
            String target = normalize(path + "/" + main);
            if (target != null) {
                for (String candidate : List.of(target, target + ".js", target + ".json", target + "/index.js")) {
                    if (isFile(app, candidate)) {
                        return candidate;
                    }
                }
            }
        }
        for (String candidate : List.of(path + "/index.js", path + "/index.json")) {
            if (isFile(app, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * A package's {@code browser} map swaps its Node-only files for pure-JavaScript ones, as browserify does: the
     * sandbox, like a browser, has no Node core to lean on.
     */
    private String browserReplacement(AppCode app, String file) {
        int modules = file.lastIndexOf("/node_modules/");
        if (modules < 0) {
            return file;
        }
        int nameEnd = file.indexOf('/', modules + "/node_modules/".length());
        if (nameEnd > 0 && file.charAt(modules + "/node_modules/".length()) == '@') {
            nameEnd = file.indexOf('/', nameEnd + 1);
        }
        if (nameEnd < 0) {
            return file;
        }
        String packageRoot = file.substring(0, nameEnd);
        String replacement = packageOf(app, packageRoot + "/package.json").browserFiles()
                .get("./" + file.substring(nameEnd + 1));
        if (replacement == null) {
            return file;
        }
        String target = normalize(packageRoot + "/" + replacement);
        return target != null && isFile(app, target) ? target : file;
    }

    /** What resolution needs of a package.json: its entry point ({@code browser} over {@code main}) and file map. */
    record PackageInfo(String main, Map<String, String> browserFiles) {
        static final PackageInfo NONE = new PackageInfo(null, Map.of());
    }

    private PackageInfo packageOf(AppCode app, String file) {
        if (!isFile(app, file)) {
            return PackageInfo.NONE;
        }
        if (file.startsWith(PLATFORM + "/")) {
            return packages.computeIfAbsent(file, f -> parsePackage(read(app, f)));
        }
        return parsePackage(read(app, file));
    }

    private static PackageInfo parsePackage(String packageJson) {
        try {
            JsonObject json = Json.createReader(new StringReader(packageJson)).readObject();
            String main = json.get("main") instanceof JsonString text ? text.getString() : null;
            Map<String, String> files = new HashMap<>();
            JsonValue browser = json.get("browser");
            if (browser instanceof JsonString text) {
                main = text.getString();
            } else if (browser instanceof JsonObject map) {
                map.forEach((from, to) -> {
                    if (to instanceof JsonString target && from.startsWith("./")) {
                        files.put(from, target.getString());
                        if (from.endsWith(".js")) {
                            files.put(from.substring(0, from.length() - 3), target.getString());
                        }
                    }
                });
                if (main != null && files.containsKey(main.startsWith("./") ? main : "./" + main)) {
                    main = files.get(main.startsWith("./") ? main : "./" + main);
                }
            }
            return new PackageInfo(main, Map.copyOf(files));
        } catch (JsonException | ClassCastException e) {
            return PackageInfo.NONE;
        }
    }

    private boolean isFile(AppCode app, String path) {
        if (path.startsWith(PLATFORM + "/")) {
            return platformFiles.contains(path.substring(PLATFORM.length()));
        }
        return path.startsWith(APP + "/") && app.files().containsKey(path.substring(APP.length() + 1));
    }

    private static String read(AppCode app, String path) {
        if (path.startsWith(APP + "/")) {
            return app.files().get(path.substring(APP.length() + 1));
        }
        try (InputStream in = Modules.class.getClassLoader()
                .getResourceAsStream(RESOURCES + path.substring(PLATFORM.length() + 1))) {
            if (in == null) {
                throw new IllegalStateException("The platform module " + path + " is missing from the adapter");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> readIndex() {
        Set<String> files = new HashSet<>();
        try (InputStream in = Modules.class.getClassLoader().getResourceAsStream(RESOURCES + "modules.index")) {
            if (in == null) {
                throw new IllegalStateException("The platform's module set is missing from the adapter");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    files.add("/" + line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(files);
    }

    private static String root(String path) {
        return path.startsWith(PLATFORM) ? PLATFORM : APP;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }

    /** Collapses "." and ".."; null when the path climbs out of the tree. */
    static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
