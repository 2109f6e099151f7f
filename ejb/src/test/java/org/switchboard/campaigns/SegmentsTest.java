package org.switchboard.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SegmentsTest {

    @Test
    void gsmTextFitsOneSmsUpTo160() {
        assertEquals(new Segments("GSM-7", 160, 1, 160), Segments.of("a".repeat(160)));
        assertEquals(new Segments("GSM-7", 161, 2, 153), Segments.of("a".repeat(161)));
        assertEquals(3, Segments.of("a".repeat(307)).segments());
    }

    @Test
    void extensionCharactersCountTwoAndAreNotSplit() {
        assertEquals(2, Segments.of("€").units());
        assertEquals(new Segments("GSM-7", 160, 1, 160), Segments.of("a".repeat(158) + "€"));
        // 152 septets, then a two-septet character that would straddle the first part's end: it starts the second
        Segments straddling = Segments.of("a".repeat(152) + "€" + "a".repeat(153));
        assertEquals(307, straddling.units());
        assertEquals(3, straddling.segments());
    }

    @Test
    void oneNonGsmCharacterMakesItUcs2() {
        assertEquals(new Segments("UCS-2", 70, 1, 70), Segments.of("ü".repeat(69) + "ł"));
        assertEquals(new Segments("UCS-2", 71, 2, 67), Segments.of("a".repeat(70) + "ł"));
        assertEquals("GSM-7", Segments.of("Grüße aus Köln, Ñandù à 5 €").encoding());
        assertEquals("UCS-2", Segments.of("Ñandú").encoding(), "ú is not in GSM-7 (ù is)");
        assertEquals("UCS-2", Segments.of("Hello 👋").encoding());
        assertEquals(8, Segments.of("Hello 👋").units());
    }

    @Test
    void emptyTextIsNoSms() {
        assertEquals(0, Segments.of("").segments());
        assertEquals(0, Segments.of(null).segments());
    }
}
