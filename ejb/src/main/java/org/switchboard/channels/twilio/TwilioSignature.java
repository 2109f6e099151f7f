package org.switchboard.channels.twilio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's {@code X-Twilio-Signature}: base64 of HMAC-SHA1, keyed with the auth token, of the URL as Twilio called it
 * followed by each POST parameter, sorted by name, as name then value. A JSON body is signed through the URL's
 * {@code bodySHA256} parameter instead, the SHA-256 of the body. Compared in constant time; as Twilio's SDKs do, the
 * URL is also tried with and without its port (a proxy may add or drop it).
 */
public final class TwilioSignature {

    private TwilioSignature() {
    }

    /** The signature of a request to {@code url} with these POST parameters. */
    public static String of(String authToken, String url, Map<String, List<String>> params) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> values.forEach(value -> signed.append(name).append(value)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the signature is Twilio's for the request: form parameters ({@code formParams}, empty for a JSON body)
     * and, for a JSON body, its {@code bodySHA256} query parameter matching the body.
     */
    public static boolean valid(String authToken, String url, Map<String, List<String>> formParams, byte[] body,
            boolean json, String signature) {
        if (authToken == null || signature == null || url == null) {
            return false;
        }
        if (json && !bodyMatches(url, body)) {
            return false;
        }
        Map<String, List<String>> signedParams = json ? Map.of() : formParams;
        byte[] given = signature.getBytes(StandardCharsets.UTF_8);
        boolean valid = false;
        for (String candidate : candidates(url)) {
            // every candidate is computed and compared, so the time taken says nothing of which one matched
            valid |= MessageDigest.isEqual(given, of(authToken, candidate, signedParams)
                    .getBytes(StandardCharsets.UTF_8));
        }
        return valid;
    }

    private static boolean bodyMatches(String url, byte[] body) {
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("bodySHA256=")) {
                try {
                    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
                    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                            pair.substring("bodySHA256=".length()).toLowerCase().getBytes(StandardCharsets.UTF_8));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return false;
    }

    /** The URL as given, and with its port added (the scheme's default) or removed. */
    static List<String> candidates(String url) {
        URI uri = URI.create(url);
        int standard = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        String rest = (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String origin = uri.getScheme() + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                + uri.getHost();
        String other = uri.getPort() == -1
                ? origin + ":" + standard + rest
                : uri.getPort() == standard ? origin + rest : null;
        return other == null ? List.of(url) : List.of(url, other);
    }
}
