package org.switchboard.sandbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** A key of an account's sandbox key-value store (Vumi's {@code sandboxes#<sandbox_id>#<key>}), its value JSON. */
@Entity
// the key limits count an account's keys
@Table(name = "kv_entry", indexes = @Index(name = "kv_entry_account", columnList = "account_id"))
public class KvEntry {

    @Id
    @Column(length = 1024)
    private String id;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(name = "value_json", length = 1_048_576)
    private String value;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected KvEntry() {
    }

    KvEntry(String accountId, String key) {
        this.id = id(accountId, key);
        this.accountId = accountId;
    }

    static String id(String accountId, String key) {
        return accountId + "#" + key;
    }

    String getValue() {
        return value;
    }

    void setValue(String value) {
        this.value = value;
    }

    boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }
}
