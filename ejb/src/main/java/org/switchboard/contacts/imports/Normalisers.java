package org.switchboard.contacts.imports;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a column's value becomes before it is stored (Vumi Go's {@code FieldNormalizer}): as it is, a string, a whole
 * number, a number, or a phone number in E.164 by libphonenumber with the import's country (which replaces Vumi Go's
 * per-country {@code msisdn_za}, {@code msisdn_ke}, ... and is RapidPro's rule since PR #6998). A value that cannot be
 * normalised is refused with what is wrong, for its row's error.
 */
public final class Normalisers {

    /** The normalisers by name; "" keeps the value as it is (trimmed). */
    public static final List<String> NAMES = List.of("", "string", "integer", "float", "msisdn");

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern EXCEL_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private Normalisers() {
    }

    /** The value normalised; null for an empty one. */
    static String normalise(String normaliser, String value, String country) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return null;
        }
        return switch (normaliser == null ? "" : normaliser) {
            case "", "string" -> text;
            case "integer" -> {
                BigDecimal number = number(text, "a whole number");
                if (number.stripTrailingZeros().scale() > 0) {
                    throw new IllegalArgumentException("'" + text + "' is not a whole number");
                }
                yield number.toBigInteger().toString();
            }
            case "float" -> number(text, "a number").stripTrailingZeros().toPlainString();
            case "msisdn" -> msisdn(text, country);
            default -> throw new IllegalArgumentException("Unknown normaliser '" + normaliser + "'");
        };
    }

    /**
     * A phone number in E.164: as written when it starts with + or 00, else in the country's plan; Excel's floats
     * ({@code 761234567.0}, {@code 2.7761234567E10}) made whole first, and a number of 11 or more digits that is not the
     * country's tried as already international (Vumi Go's {@code msisdn_int}).
     */
    static String msisdn(String text, String country) {
        String number = plainNumber(text);
        String digits = number.replaceAll("[\\s().\\-/]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        if (!digits.startsWith("+") && country == null) {
            throw new IllegalArgumentException("'" + text + "' has no country code, and the import has no country:"
                    + " set 'country' (or the account's PHONE_NUMBER_COUNTRY), or write numbers as +<country code>...");
        }
        PhoneNumber parsed = parse(digits, country);
        if ((parsed == null || !PHONES.isValidNumber(parsed)) && !digits.startsWith("+") && digits.length() >= 11) {
            PhoneNumber international = parse("+" + digits, null);
            if (international != null && PHONES.isValidNumber(international)) {
                parsed = international;
            }
        }
        if (parsed == null || !PHONES.isValidNumber(parsed)) {
            throw new IllegalArgumentException("'" + text + "' is not a valid phone number"
                    + (country == null || digits.startsWith("+") ? "" : " for " + country.toUpperCase(Locale.ROOT)));
        }
        return PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    private static PhoneNumber parse(String digits, String country) {
        try {
            return PHONES.parse(digits, country == null ? null : country.toUpperCase(Locale.ROOT));
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** Whether the country is one libphonenumber knows (an ISO 3166 code such as ZA). */
    static boolean knownCountry(String country) {
        return country != null && PHONES.getSupportedRegions().contains(country.toUpperCase(Locale.ROOT));
    }

    /** A number Excel wrote as a float, written whole when it is whole ({@code 761234567.0} is 761234567). */
    static String plainNumber(String raw) {
        if (raw == null) {
            return "";
        }
        String text = raw.strip();
        if (!EXCEL_NUMBER.matcher(text).matches()
                || !(text.contains(".") || text.contains("e") || text.contains("E"))) {
            return text;
        }
        try {
            BigDecimal number = new BigDecimal(text);
            return number.stripTrailingZeros().scale() <= 0
                    ? number.toBigInteger().toString()
                    : number.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static BigDecimal number(String text, String what) {
        try {
            return new BigDecimal(plainNumber(text).replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + what);
        }
    }

    /** A header cell as a word to look up: lower case, trimmed, inner spaces and underscores as one space. */
    static String headerWord(String cell) {
        String word = cell == null ? "" : cell.strip().toLowerCase(Locale.ROOT);
        if (word.startsWith("extras-")) {
            return word;
        }
        return word.replace('_', ' ').replaceAll("\\s+", " ");
    }
}
