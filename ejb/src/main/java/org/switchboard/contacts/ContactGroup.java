package org.switchboard.contacts;

import jakarta.validation.constraints.Size;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * A group of an account's contacts: static (contacts list it among their groups) or smart (its members are the
 * contacts matching its stored Lucene query).
 */
@Entity
@Table(name = "contact_group_def")
@Indexed
public class ContactGroup {

    @Id
    @Column(name = "group_key")
    private String key;

    @KeywordField(name = "account_id")
    @Column(name = "account_id", nullable = false)
    @Size(max = 255)
    private String accountId;

    @FullTextField
    @KeywordField(name = "name_exact")
    @Column(nullable = false)
    @Size(max = 255)
    private String name;

    /** The Lucene query of a smart group; null for a static group. */
    @Lob
    @FullTextField
    private String query;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected ContactGroup() {
    }

    public ContactGroup(String key, String accountId, String name) {
        this.key = key;
        this.accountId = accountId;
        this.name = name;
        this.createdAt = Instant.now();
    }

    public String getKey() {
        return key;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public boolean isSmart() {
        return query != null && !query.isBlank();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getVersion() {
        return version;
    }
}
