package org.switchboard.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final SecretCipher cipher = new SecretCipher(KEY);

    @Test
    void aSecretIsStoredEncryptedAndReadBack() {
        String url = "https://rapidpro:s3cret-password@example.org/c/jn/events";
        String stored = cipher.encrypt(url);
        assertTrue(stored.startsWith("enc:v1:"), stored);
        assertFalse(stored.contains("s3cret"), stored);
        assertNotEquals(stored, cipher.encrypt(url), "each value has an IV of its own");
        assertEquals(url, cipher.decrypt(stored));
        assertNull(cipher.encrypt(null));
    }

    @Test
    void aValueWrittenBeforeEncryptionReadsAsItIs() {
        assertEquals("plain-token", cipher.decrypt("plain-token"));
    }

    @Test
    void aTamperedValueOrAnotherKeyDoesNotDecrypt() {
        String stored = cipher.encrypt("token");
        char last = stored.charAt(stored.length() - 2);
        String tampered = stored.substring(0, stored.length() - 2) + (last == 'A' ? 'B' : 'A') + stored.charAt(
                stored.length() - 1);
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(tampered));
        byte[] other = new byte[32];
        other[0] = 1;
        assertThrows(IllegalStateException.class,
                () -> new SecretCipher(Base64.getEncoder().encodeToString(other)).decrypt(stored));
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused() {
        assertThrows(IllegalStateException.class, () -> new SecretCipher("c2hvcnQ="));
        assertThrows(IllegalStateException.class, () -> new SecretCipher("not base64 at all!"));
        assertThrows(IllegalStateException.class, () -> new SecretCipher(null));
    }
}
