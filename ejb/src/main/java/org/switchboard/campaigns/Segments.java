package org.switchboard.campaigns;

/**
 * How many SMS a text takes: GSM-7 (3GPP TS 23.038's default alphabet, its extension table's characters counting
 * two) when every character is in it, else UCS-2 (UTF-16 code units); 160 or 70 in one SMS, 153 or 67 per part when
 * concatenated (the 6-octet user data header; an extension character is never split between parts, a surrogate
 * pair may be, as most vendors do). Vumi Go's counter warned that a non-GSM character "possibly doubles
 * the number of SMSes billed"; this says by how much.
 *
 * @param encoding {@code GSM-7} or {@code UCS-2}
 * @param units septets (GSM-7) or code units (UCS-2) the text takes
 * @param segments SMS per message (0 for an empty text)
 * @param perSegment the units one part holds, at this length
 */
public record Segments(String encoding, int units, int segments, int perSegment) {

    public static final String GSM7 = "GSM-7";
    public static final String UCS2 = "UCS-2";

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    /** The segments of a text. */
    public static Segments of(String text) {
        String t = text == null ? "" : text;
        int septets = 0;
        boolean gsm = true;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                gsm = false;
                break;
            }
        }
        if (gsm) {
            if (septets <= 160) {
                return count(GSM7, septets, 160, 153);
            }
            // an extension character's escape and itself are never split between two parts
            int parts = 1;
            int used = 0;
            for (int i = 0; i < t.length(); i++) {
                int width = EXTENSION.indexOf(t.charAt(i)) >= 0 ? 2 : 1;
                if (used + width > 153) {
                    parts++;
                    used = 0;
                }
                used += width;
            }
            return new Segments(GSM7, septets, parts, 153);
        }
        return count(UCS2, t.length(), 70, 67);
    }

    private static Segments count(String encoding, int units, int single, int part) {
        if (units == 0) {
            return new Segments(encoding, 0, 0, single);
        }
        if (units <= single) {
            return new Segments(encoding, units, 1, single);
        }
        return new Segments(encoding, units, (units + part - 1) / part, part);
    }
}
