package org.switchboard.channels.vonage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Vonage's signed requests ({@code sig}): the parameters but {@code sig}, those with a value, sorted by name, written
 * {@code &name=value} with {@code &} and {@code =} in them made {@code _}; then {@code md5hash} is the MD5 of that and
 * the secret, the others ({@code md5}, {@code sha1}, {@code sha256}, {@code sha512}) the HMAC of it under the secret,
 * in hex. The {@code timestamp} must be within 5 minutes. As Vonage's SDKs check it.
 */
public final class VonageSignature {

    static final long MAX_SKEW_SECONDS = 300;

    private VonageSignature() {
    }

    public static String of(Map<String, String> params, String secret, String method) {
        StringBuilder signed = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (!"sig".equals(name) && value != null && !value.isBlank()) {
                signed.append('&').append(clean(name)).append('=').append(clean(value));
            }
        });
        try {
            if ("md5hash".equals(method)) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest((signed + secret)
                        .getBytes(StandardCharsets.UTF_8)));
            }
            String algorithm = switch (method) {
                case "md5" -> "HmacMD5";
                case "sha1" -> "HmacSHA1";
                case "sha256" -> "HmacSHA256";
                case "sha512" -> "HmacSHA512";
                default -> throw new IllegalArgumentException("Unknown signature method '" + method
                        + "'; known: md5hash, md5, sha1, sha256, sha512");
            };
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code sig} is the request's signature and its timestamp within 5 minutes of {@code nowSeconds}. */
    public static boolean valid(Map<String, String> params, String secret, String method, long nowSeconds) {
        String given = params.get("sig");
        String timestamp = params.get("timestamp");
        if (given == null || timestamp == null || !timestamp.matches("\\d{1,12}")
                || Math.abs(nowSeconds - Long.parseLong(timestamp)) > MAX_SKEW_SECONDS) {
            return false;
        }
        return MessageDigest.isEqual(of(params, secret, method).getBytes(StandardCharsets.UTF_8),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    private static String clean(String text) {
        return text.replace('&', '_').replace('=', '_');
    }
}
