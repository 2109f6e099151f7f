package org.switchboard.errors;

/**
 * Finds the first error in a JSON text as CPython's {@code json.loads} reports it ("Expecting value: line 1 column 1
 * (char 0)", "Expecting ',' delimiter: ...", "Extra data: ..."), the words vumi2 and Vumi Go answer a malformed body
 * with. It follows the steps of CPython's {@code json.decoder} and {@code json.scanner}, so the kind and position of
 * the error are Python's, not the Java parser's (Parsson reports other positions, and reads past trailing data). A
 * linear scan that builds nothing; the text is parsed by Parsson after it passes.
 */
public final class PythonJson {

    /** Deeper than this is refused, as Parsson refuses it (Python's own limit is its recursion limit, about 1000). */
    static final int MAX_DEPTH = 1000;

    private final String s;
    private int depth;

    private PythonJson(String s) {
        this.s = s;
    }

    /** Python's error for the text, or null when Python would read it. */
    public static String error(String text) {
        try {
            new PythonJson(text).decode();
            return null;
        } catch (Failure failure) {
            return failure.getMessage();
        }
    }

    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String what, String s, int pos) {
            super(what + ": line " + line(s, pos) + " column " + column(s, pos) + " (char " + pos + ")", null, false,
                    false);
        }

        private static int line(String s, int pos) {
            int lines = 1;
            for (int i = 0; i < Math.min(pos, s.length()); i++) {
                if (s.charAt(i) == '\n') {
                    lines++;
                }
            }
            return lines;
        }

        private static int column(String s, int pos) {
            return pos - s.lastIndexOf('\n', Math.min(pos, s.length()) - 1);
        }
    }

    /** A value was not found at the position: Python's StopIteration from scan_once. */
    private static final class NoValue extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int at;

        NoValue(int at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    private void decode() {
        int end;
        try {
            end = scan(ws(0));
        } catch (NoValue e) {
            throw new Failure("Expecting value", s, e.at);
        }
        end = ws(end);
        if (end != s.length()) {
            throw new Failure("Extra data", s, end);
        }
    }

    private static boolean isWs(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** The end of the whitespace from {@code pos} (Python clamps a position past the end to the end). */
    private int ws(int pos) {
        int i = Math.min(pos, s.length());
        while (i < s.length() && isWs(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code s[pos:pos+1]} as Python sees it: the char, or -1 past the end (Python's '', which is "in" WS). */
    private int at(int pos) {
        return pos < s.length() ? s.charAt(pos) : -1;
    }

    private boolean inWs(int c) {
        return c == -1 || isWs((char) c);
    }

    /** scan_once: the end of the value at {@code idx}. */
    private int scan(int idx) {
        if (idx >= s.length()) {
            throw new NoValue(idx);
        }
        char c = s.charAt(idx);
        switch (c) {
            case '"' :
                return string(idx + 1);
            case '{' :
            case '[' :
                if (++depth > MAX_DEPTH) {
                    throw new Failure("Nested deeper than " + MAX_DEPTH + " levels", s, idx);
                }
                int end = c == '{' ? object(idx + 1) : array(idx + 1);
                depth--;
                return end;
            case 'n' :
                if (s.startsWith("null", idx)) {
                    return idx + 4;
                }
                break;
            case 't' :
                if (s.startsWith("true", idx)) {
                    return idx + 4;
                }
                break;
            case 'f' :
                if (s.startsWith("false", idx)) {
                    return idx + 5;
                }
                break;
            case 'N' :
                if (s.startsWith("NaN", idx)) {
                    return idx + 3;
                }
                break;
            case 'I' :
                if (s.startsWith("Infinity", idx)) {
                    return idx + 8;
                }
                break;
            default :
                break;
        }
        int number = number(idx);
        if (number > idx) {
            return number;
        }
        if (c == '-' && s.startsWith("-Infinity", idx)) {
            return idx + 9;
        }
        throw new NoValue(idx);
    }

    /** The end of {@code -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?} at idx, or idx when it does not match. */
    private int number(int idx) {
        int i = idx;
        if (at(i) == '-') {
            i++;
        }
        if (at(i) == '0') {
            i++;
        } else if (at(i) >= '1' && at(i) <= '9') {
            while (at(i) >= '0' && at(i) <= '9') {
                i++;
            }
        } else {
            return idx;
        }
        if (at(i) == '.' && at(i + 1) >= '0' && at(i + 1) <= '9') {
            i += 2;
            while (at(i) >= '0' && at(i) <= '9') {
                i++;
            }
        }
        if (at(i) == 'e' || at(i) == 'E') {
            int j = i + 1;
            if (at(j) == '-' || at(j) == '+') {
                j++;
            }
            if (at(j) >= '0' && at(j) <= '9') {
                while (at(j) >= '0' && at(j) <= '9') {
                    j++;
                }
                i = j;
            }
        }
        return i;
    }

    /** scanstring: the end of a string whose opening quote is just before {@code end}. */
    private int string(int end) {
        int begin = end - 1;
        int i = end;
        while (true) {
            if (i >= s.length()) {
                throw new Failure("Unterminated string starting at", s, begin);
            }
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c < 0x20) {
                throw new Failure("Invalid control character at", s, i);
            }
            if (c == '\\') {
                if (i + 1 >= s.length()) {
                    throw new Failure("Unterminated string starting at", s, begin);
                }
                char esc = s.charAt(i + 1);
                if (esc == 'u') {
                    for (int k = i + 2; k < i + 6; k++) {
                        if (k >= s.length() || Character.digit(s.charAt(k), 16) < 0) {
                            throw new Failure("Invalid \\uXXXX escape", s, i + 1);
                        }
                    }
                    i += 6;
                    continue;
                }
                if ("\"\\/bfnrt".indexOf(esc) < 0) {
                    throw new Failure("Invalid \\escape", s, i);
                }
                i += 2;
                continue;
            }
            i++;
        }
    }

    /** JSONObject: the end of an object whose brace is just before {@code end}. */
    private int object(int end) {
        int next = at(end);
        if (next != '"') {
            if (inWs(next)) {
                end = ws(end);
                next = at(end);
            }
            if (next == '}') {
                return end + 1;
            }
            if (next != '"') {
                throw new Failure("Expecting property name enclosed in double quotes", s, end);
            }
        }
        end += 1;
        while (true) {
            end = string(end);
            if (at(end) != ':') {
                end = ws(end);
                if (at(end) != ':') {
                    throw new Failure("Expecting ':' delimiter", s, end);
                }
            }
            end += 1;
            end = skipOneOrMoreWs(end);
            try {
                end = scan(end);
            } catch (NoValue e) {
                throw new Failure("Expecting value", s, e.at);
            }
            int nextChar;
            if (end < s.length()) {
                nextChar = s.charAt(end);
                if (isWs((char) nextChar)) {
                    end = ws(end + 1);
                    nextChar = at(end);
                }
            } else {
                nextChar = -1;
            }
            end += 1;
            if (nextChar == '}') {
                return end;
            }
            if (nextChar != ',') {
                throw new Failure("Expecting ',' delimiter", s, end - 1);
            }
            end = ws(end);
            next = at(end);
            end += 1;
            if (next != '"') {
                throw new Failure("Expecting property name enclosed in double quotes", s, end - 1);
            }
        }
    }

    /** JSONArray: the end of an array whose bracket is just before {@code end}. */
    private int array(int end) {
        int next = at(end);
        if (inWs(next)) {
            end = ws(end + 1);
            next = at(end);
        }
        if (next == ']') {
            return end + 1;
        }
        while (true) {
            try {
                end = scan(end);
            } catch (NoValue e) {
                throw new Failure("Expecting value", s, e.at);
            }
            next = at(end);
            if (inWs(next)) {
                end = ws(end + 1);
                next = at(end);
            }
            end += 1;
            if (next == ']') {
                return end;
            }
            if (next != ',') {
                throw new Failure("Expecting ',' delimiter", s, end - 1);
            }
            end = skipOneOrMoreWs(end);
        }
    }

    /** Python's "if s[end] in WS: end += 1; if s[end] in WS: end = _w(s, end + 1).end()". */
    private int skipOneOrMoreWs(int end) {
        if (end < s.length() && isWs(s.charAt(end))) {
            end += 1;
            if (end < s.length() && isWs(s.charAt(end))) {
                end = ws(end + 1);
            }
        }
        return end;
    }
}
