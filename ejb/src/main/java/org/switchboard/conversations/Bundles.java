package org.switchboard.conversations;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A jsbox app's bundle: a zip of its .js and .json files (its script and node_modules), checked when uploaded. */
public final class Bundles {

    /** Largest bundle, unpacked, that an app may have. */
    public static final long MAX_UNPACKED_BYTES = 32L << 20;

    private Bundles() {
    }

    /**
     * Checks an uploaded bundle: a zip of UTF-8 .js and .json files within the size limit, with the file {@code main}.
     *
     * @return the text of {@code main}
     * @throws IllegalArgumentException saying what is wrong with the bundle
     */
    public static String validate(byte[] zip, String main) {
        Map<String, String> files;
        try {
            files = unpackFiles(zip);
        } catch (IOException e) {
            throw new IllegalArgumentException("The bundle is not a zip the sandbox can use: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("The bundle has no .js or .json files (is it a zip?)");
        }
        String text = files.get(main.startsWith("./") ? main.substring(2) : main);
        if (text == null) {
            throw new IllegalArgumentException("The bundle has no file '" + main + "' to run; its top-level files: "
                    + files.keySet().stream().filter(f -> !f.contains("/")).sorted().toList());
        }
        return text;
    }

    /** A stored bundle's files by path. */
    public static Map<String, String> unpack(byte[] zip) {
        try {
            return unpackFiles(zip);
        } catch (IOException e) {
            throw new IllegalStateException("A stored bundle cannot be read: " + e.getMessage(), e);
        }
    }

    /** The bundle's .js and .json files by path; other files are not code the sandbox can use. */
    private static Map<String, String> unpackFiles(byte[] zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName().replace('\\', '/');
                if (entry.isDirectory() || !(name.endsWith(".js") || name.endsWith(".json"))) {
                    continue;
                }
                if (name.startsWith("/") || name.contains("../")) {
                    throw new IOException("The bundle's entry " + name + " points outside the bundle");
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNPACKED_BYTES - total + 1));
                total += bytes.length;
                if (total > MAX_UNPACKED_BYTES) {
                    throw new IOException(
                            "The bundle's code is larger than " + (MAX_UNPACKED_BYTES >> 20) + " MiB unpacked");
                }
                files.put(name.startsWith("./") ? name.substring(2) : name, utf8(name, bytes));
            }
        }
        return files;
    }

    private static String utf8(String name, byte[] bytes) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException("The bundle's file " + name + " is not UTF-8 text");
        }
    }
}
