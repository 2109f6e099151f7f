package org.switchboard.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CPython 3's json.loads errors, for texts whose errors were printed by python3 on this machine. */
class PythonJsonTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{nope|Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
            "``|Expecting value: line 1 column 1 (char 0)",
            "`  `|Expecting value: line 1 column 3 (char 2)",
            "[1,|Expecting value: line 1 column 4 (char 3)",
            "{\"a\" 1}|Expecting ':' delimiter: line 1 column 6 (char 5)",
            "{\"a\":1 \"b\":2}|Expecting ',' delimiter: line 1 column 8 (char 7)",
            "[1 2]|Expecting ',' delimiter: line 1 column 4 (char 3)",
            "{\"a\":1}x|Extra data: line 1 column 8 (char 7)",
            "{\"a\":|Expecting value: line 1 column 6 (char 5)",
            "tru|Expecting value: line 1 column 1 (char 0)",
            "\"abc|Unterminated string starting at: line 1 column 1 (char 0)",
            "{\"a\":1,}|Expecting property name enclosed in double quotes: line 1 column 8 (char 7)",
            "[|Expecting value: line 1 column 2 (char 1)",
            "{|Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
            "{\"a\"|Expecting ':' delimiter: line 1 column 5 (char 4)",
            "{\"a\":1,|Expecting property name enclosed in double quotes: line 1 column 8 (char 7)",
            "[1,]|Expecting value: line 1 column 4 (char 3)",
            "\"a\\x\"|Invalid \\escape: line 1 column 3 (char 2)",
            "\"\\u12\"|Invalid \\uXXXX escape: line 1 column 3 (char 2)",
            "-|Expecting value: line 1 column 1 (char 0)",
            "01|Extra data: line 1 column 2 (char 1)",
            "1.|Extra data: line 1 column 2 (char 1)",
            "nul|Expecting value: line 1 column 1 (char 0)",
            "[tru]|Expecting value: line 1 column 2 (char 1)",
            "`{\"a\":1 `|Expecting ',' delimiter: line 1 column 8 (char 7)",
            "\"abc\\|Unterminated string starting at: line 1 column 1 (char 0)",
            "[1 , 2 ,]|Expecting value: line 1 column 9 (char 8)",
    })
    void saysWhatPythonSays(String text, String python) {
        assertEquals(python, PythonJson.error(text));
    }

    @org.junit.jupiter.api.Test
    void countsLinesAndControlCharactersAsPythonDoes() {
        assertEquals("Expecting property name enclosed in double quotes: line 3 column 3 (char 4)",
                PythonJson.error("\n\n {x"));
        assertEquals("Invalid control character at: line 1 column 3 (char 2)", PythonJson.error("\"a\nb\""));
    }

    @org.junit.jupiter.api.Test
    void refusesNestingDeeperThanTheParserTakesWithoutOverflowingTheStack() {
        assertEquals("Nested deeper than 1000 levels: line 1 column 1001 (char 1000)",
                PythonJson.error("[".repeat(5000) + "]".repeat(5000)));
        assertNull(PythonJson.error("[".repeat(1000) + "]".repeat(1000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1] ", "{  }", "[ ]", "  1  ", "{\"a\" :  1}", "{\"to\": \"+27\", \"content\": null}",
            "[[\"m\", 1.5e3, \"sum\"]]", "-0.5E-3", "\"\\u00e9\\n\""})
    void readsWhatPythonReads(String text) {
        assertNull(PythonJson.error(text));
    }
}
