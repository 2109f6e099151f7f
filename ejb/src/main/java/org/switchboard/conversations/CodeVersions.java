package org.switchboard.conversations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes naming a version of an app's code. */
final class CodeVersions {

    private CodeVersions() {
    }

    static String of(String text, byte[] bundle) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
            if (bundle != null) {
                digest.update((byte) 0);
                digest.update(bundle);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
