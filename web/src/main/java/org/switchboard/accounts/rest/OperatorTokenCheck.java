package org.switchboard.accounts.rest;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.secrets.SecretCipher;

/**
 * Refuses to start the application without a key for secrets at rest, or with the operator token the archive ships ({@code change-me}) or one too short to
 * resist guessing: anyone could then run the operator API. {@code config/bin/switchboard} gives every domain a random
 * one, as the password alias {@code switchboard.admin.token}.
 */
@Singleton
@Startup
public class OperatorTokenCheck {

    static final String SHIPPED = "change-me";
    static final int MIN_LENGTH = 16;

    @Inject
    @ConfigProperty(name = "switchboard.admin.token")
    String adminToken;

    @Inject
    @ConfigProperty(name = SecretCipher.KEY_PROPERTY, defaultValue = "")
    String secretsKey;

    @PostConstruct
    void check() {
        try {
            new SecretCipher(secretsKey);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Switchboard will not start: " + e.getMessage() + ". It encrypts "
                    + "customers' tokens at rest; create it with: asadmin create-password-alias "
                    + SecretCipher.KEY_PROPERTY + " (the value: head -c 32 /dev/urandom | base64).");
        }
        String problem = problem(adminToken);
        if (problem != null) {
            throw new IllegalStateException("Switchboard will not start: " + problem + ". Set a random one: asadmin "
                    + "create-password-alias switchboard.admin.token (or set-config-property "
                    + "--propertyName=switchboard.admin.token --source=domain).");
        }
    }

    /** What is wrong with an operator token, or null. */
    static String problem(String token) {
        if (token == null || token.isBlank() || token.strip().equals(SHIPPED)) {
            return "the operator token switchboard.admin.token is the archive's '" + SHIPPED + "'";
        }
        if (token.length() < MIN_LENGTH) {
            return "the operator token switchboard.admin.token is shorter than " + MIN_LENGTH + " characters";
        }
        return null;
    }
}
