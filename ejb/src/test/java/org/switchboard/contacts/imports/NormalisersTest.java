package org.switchboard.contacts.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalisersTest {

    @Test
    void numbersBecomeE164WithTheCountry() {
        assertEquals("+27761234567", Normalisers.normalise("msisdn", "076 123 4567", "ZA"));
        assertEquals("+27761234567", Normalisers.normalise("msisdn", "761234567.0", "ZA"), "Excel's float");
        assertEquals("+27761234567", Normalisers.normalise("msisdn", "0027761234567", "US"));
        assertEquals("+27761234567", Normalisers.normalise("msisdn", "27761234567", "US"),
                "11 digits not of the country's plan are taken as international");
        assertEquals("+254712345678", Normalisers.normalise("msisdn", "+254 712 345678", null));
        assertEquals("+12025550123", Normalisers.normalise("msisdn", "(202) 555-0123", "us"));
    }

    @Test
    void invalidNumbersAreRefusedSayingWhy() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Normalisers.normalise("msisdn", "12345", "ZA"));
        assertTrue(bad.getMessage().contains("'12345' is not a valid phone number for ZA"), bad.getMessage());
        IllegalArgumentException noCountry = assertThrows(IllegalArgumentException.class,
                () -> Normalisers.normalise("msisdn", "0761234567", null));
        assertTrue(noCountry.getMessage().contains("country"), noCountry.getMessage());
    }

    @Test
    void otherNormalisers() {
        assertEquals("42", Normalisers.normalise("integer", "42.0", null));
        assertThrows(IllegalArgumentException.class, () -> Normalisers.normalise("integer", "4.5", null));
        assertEquals("4.5", Normalisers.normalise("float", "4.50", null));
        assertEquals("as is", Normalisers.normalise("", "  as is ", null));
        assertNull(Normalisers.normalise("msisdn", "  ", "ZA"), "an empty cell is no value");
    }

    @Test
    void headersAreGuessed() {
        assertTrue(ImportSettings.looksLikeHeader(List.of("First Name", "Cell")));
        assertTrue(!ImportSettings.looksLikeHeader(List.of("Jo", "+27761234567")));
        assertEquals("msisdn", ImportSettings.guess(1, "Contact Number", null).field());
        assertEquals("email_address", ImportSettings.guess(0, "Email_Address", null).field());
        assertEquals("extras-favourite_colour", ImportSettings.guess(0, "Favourite colour", null).field());
        assertEquals("msisdn", ImportSettings.guess(0, null, "27761234567").field(), "no header: the values");
        assertNull(ImportSettings.guess(0, null, "Jo"));
    }
}
