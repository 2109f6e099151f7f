package org.switchboard.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A person who logs in to the web UI: one of an account's users, by email, with a role there. Only the password's
 * PBKDF2 hash is stored (Jakarta Security's {@code Pbkdf2PasswordHash}: its own salt and iteration count in the text).
 */
@Entity
@Table(name = "account_user", indexes = {
        @Index(name = "account_user_email", columnList = "email", unique = true),
        @Index(name = "account_user_account", columnList = "account_id, created_at")})
public class AccountUser {

    /** What a user may do in their account's UI. */
    public enum Role {
        /** everything, and the account's users */
        OWNER,
        /** everything but the account's users */
        ADMIN,
        /** looks: changes nothing */
        VIEWER;

        public boolean changes() {
            return this != VIEWER;
        }

        /**
         * The role a request names ({@code owner}, {@code admin} or {@code viewer}, any case).
         *
         * @throws IllegalArgumentException saying which roles there are
         */
        public static Role parse(String role) {
            if (role == null) {
                throw new IllegalArgumentException("'role' is required: owner, admin or viewer");
            }
            try {
                return valueOf(role.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'role' must be owner, admin or viewer, not '" + role + "'");
            }
        }
    }

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    @Size(max = 255)
    private String accountId;

    @Column(nullable = false, length = 320)
    @NotBlank
    @Email
    @Size(max = 320)
    private String email;

    @Column(name = "password_hash", nullable = false, length = 1024)
    @Size(max = 1024)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AccountUser() {
    }

    AccountUser(String id, String accountId, String email, String passwordHash, Role role) {
        this.id = id;
        this.accountId = accountId;
        this.email = email;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = Instant.now();
    }

    public String getId() {
        return id;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
