package org.switchboard.accounts.rest;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OperatorTokenCheckTest {

    private static void start(String token) {
        OperatorTokenCheck check = new OperatorTokenCheck();
        check.adminToken = token;
        check.secretsKey = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        check.check();
    }

    @Test
    void theShippedTokenStopsTheStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> start("change-me"));
        assertTrue(e.getMessage().contains("archive's 'change-me'"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> start(" "));
        assertThrows(IllegalStateException.class, () -> start("short-token"));
    }

    @Test
    void noKeyForSecretsStopsTheStart() {
        OperatorTokenCheck check = new OperatorTokenCheck();
        check.adminToken = "3f9a0c7e5b1d2a4c6e8f0a1b3c5d7e9f";
        check.secretsKey = "";
        IllegalStateException e = assertThrows(IllegalStateException.class, check::check);
        assertTrue(e.getMessage().contains("switchboard.secrets.key"), e.getMessage());
    }

    @Test
    void aGeneratedTokenStarts() {
        start("3f9a0c7e5b1d2a4c6e8f0a1b3c5d7e9f");
        assertNull(OperatorTokenCheck.problem("it-admin-token-for-the-tests"));
    }
}
