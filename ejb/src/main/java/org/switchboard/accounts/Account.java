package org.switchboard.accounts;

import jakarta.validation.constraints.Size;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant. Its API clients authenticate with the account key and an API token, whose hash alone is stored. */
@Entity
@Table(name = "account", indexes = @jakarta.persistence.Index(name = "account_token", columnList = "token_hash"))
@NamedQuery(name = "Account.findByKey", query = "select a from Account a where a.accountKey = :key")
public class Account {

    @Id
    private String id;

    @Column(nullable = false)
    @Size(max = 255)
    private String name;

    @Column(name = "account_key", nullable = false, unique = true)
    @Size(max = 255)
    private String accountKey;

    @Column(name = "token_hash", nullable = false)
    @Size(max = 255)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Vumi Go's account flag: the sandbox's {@code optout} resource is off unless it is set. */
    @Column(name = "can_manage_optouts")
    private Boolean canManageOptouts;

    /** Vumi Go's account flag: sends through the HTTP API reach recipients who opted out. */
    @Column(name = "disable_optouts")
    private Boolean disableOptouts;

    /** Spoke's organisation {@code features}: a JSON object's text ({@code {"DEFAULT_SERVICE": "twilio"}}). */
    @Column(name = "features", length = 4096)
    @Size(max = 4096)
    private String features;

    protected Account() {
    }

    public Account(String id, String name, String accountKey, String tokenHash) {
        this.id = id;
        this.name = name;
        this.accountKey = accountKey;
        this.tokenHash = tokenHash;
        this.createdAt = Instant.now();
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getAccountKey() {
        return accountKey;
    }

    String getTokenHash() {
        return tokenHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean canManageOptouts() {
        return Boolean.TRUE.equals(canManageOptouts);
    }

    public void setCanManageOptouts(boolean canManageOptouts) {
        this.canManageOptouts = canManageOptouts;
    }

    public boolean optoutsDisabled() {
        return Boolean.TRUE.equals(disableOptouts);
    }

    public void setDisableOptouts(boolean disableOptouts) {
        this.disableOptouts = disableOptouts;
    }

    public String getFeatures() {
        return features;
    }

    public void setFeatures(String features) {
        this.features = features;
    }
}
