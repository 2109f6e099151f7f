package org.switchboard.sandbox;

import jakarta.validation.constraints.Size;
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

    /** Characters of a key: the row's id is the account's id, '#' and the key, in 1024. */
    static final int MAX_KEY = 960;
    /** Characters of a value, as JSON. */
    static final int MAX_VALUE = 1_048_576;

    @Id
    @Column(length = 1024)
    @Size(max = 1024)
    private String id;

    @Column(name = "account_id", nullable = false)
    @Size(max = 255)
    private String accountId;

    @Column(name = "value_json", length = MAX_VALUE)
    @Size(max = MAX_VALUE)
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
