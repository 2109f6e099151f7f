package org.switchboard.channels;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.switchboard.secrets.EncryptedString;

/**
 * An account's own settings of a vendor that {@code supportsOrgConfig} (Spoke's organisation service config): its
 * credentials, encrypted at rest, used by each of the account's channels on the vendor that does not set its own.
 */
@Entity
@Table(name = "account_vendor")
public class AccountVendor {

    /** {@code <account id>/<vendor>}. */
    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(nullable = false)
    private String vendor;

    @Column(name = "settings", length = 8192, nullable = false)
    @Convert(converter = EncryptedString.class)
    @Size(max = 6000)
    private String settings;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AccountVendor() {
    }

    public AccountVendor(String accountId, String vendor, String settings) {
        this.id = id(accountId, vendor);
        this.accountId = accountId;
        this.vendor = vendor;
        setSettings(settings);
    }

    public static String id(String accountId, String vendor) {
        return accountId + "/" + vendor;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getVendor() {
        return vendor;
    }

    public String getSettings() {
        return settings;
    }

    public void setSettings(String settings) {
        this.settings = settings;
        this.updatedAt = Instant.now();
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
