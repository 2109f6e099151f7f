package org.switchboard.security;

import jakarta.security.enterprise.credential.Credential;

/** A token sent as {@code Authorization: Bearer <token>}. */
record BearerCredential(String token) implements Credential {
}
