package org.switchboard.channels.fake;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text triggers of the fake vendor, as Spoke's fakeservice reads them. */
public final class FakeVendorRules {

    /** Longest a {@code delayNNN} message is held, so a typo cannot stall a consumer for long. */
    static final long MAX_DELAY_MILLIS = 30_000;

    private static final Pattern ERROR = Pattern.compile("error(\\d+)");
    private static final Pattern DELAY = Pattern.compile("delay(\\d+)");

    private FakeVendorRules() {
    }

    /** The error code the text asks for ({@code error30007} → 30007), if any. */
    public static Optional<String> errorCode(String text) {
        return find(ERROR, text);
    }

    /** Whether the text asks for an automatic response. */
    public static boolean autorespond(String text) {
        return text != null && text.contains("autorespond");
    }

    /** How long the text asks the vendor to take ({@code delay2000} → 2000 ms), capped at 30 s. */
    public static long delayMillis(String text) {
        return find(DELAY, text).map(digits -> digits.length() > 6 ? MAX_DELAY_MILLIS : Long.parseLong(digits))
                .map(millis -> Math.min(millis, MAX_DELAY_MILLIS))
                .orElse(0L);
    }

    /** The content of the automatic response to a text. */
    public static String response(String text) {
        return "responding to " + text;
    }

    /**
     * Spoke's fakeservice's lookup: a number whose twelfth character is 2 ({@code +1555555212} style) is a landline
     * ({@code -1}), any other is textable ({@code 1}).
     */
    public static int contactStatus(String number) {
        return number != null && number.length() > 11 && number.charAt(11) == '2' ? -1 : 1;
    }

    /** The fake's number {@code n} in an area code: {@code +1<area>555<n, four digits>}. */
    public static String number(String areaCode, int n) {
        return "+1" + areaCode + "555" + String.format("%04d", n % 10_000);
    }

    private static Optional<String> find(Pattern pattern, String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
