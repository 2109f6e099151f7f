package org.switchboard.channels;

import org.switchboard.messages.MessageChannel;
import org.switchboard.secrets.EncryptedString;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An address of an account (a long code, short code or USSD code) on a vendor. Where its inbound messages go is the
 * account's routing table's ({@link org.switchboard.routes.Routes}).
 */
@Entity
@Table(name = "channel")
public class Channel implements MessageChannel {

    /** Vendor requests in flight at once on a channel that does not say. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 100;

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    @Size(max = 255)
    private String accountId;

    @Column(nullable = false)
    @Size(max = 255)
    private String vendor;

    @Column(nullable = false)
    @Size(max = 255)
    private String address;

    @Column(name = "transport_type", nullable = false)
    @Size(max = 255)
    private String transportType;

    @Column(name = "mo_message_url", length = 4096)
    @Convert(converter = EncryptedString.class)
    @Size(max = 2048)
    private String moMessageUrl;

    @Column(name = "mo_message_url_auth_token", length = 1024)
    @Convert(converter = EncryptedString.class)
    @Size(max = 255)
    private String moMessageUrlAuthToken;

    /** Messages a second the vendor takes from this channel (null: as fast as it answers). */
    @Column(name = "rate_per_second")
    @DecimalMin(value = "0.001", message = "rate_per_second must be above 0")
    @DecimalMax(value = "100000", message = "rate_per_second must be at most 100000")
    private Double ratePerSecond;

    /** Vendor requests of this channel in flight at once (null: {@link #DEFAULT_MAX_IN_FLIGHT}). */
    @Column(name = "max_in_flight")
    @Min(value = 1, message = "max_in_flight must be at least 1")
    @Max(value = 10000, message = "max_in_flight must be at most 10000")
    private Integer maxInFlight;

    /**
     * The vendor's own settings of this channel, a JSON object's text (the fake vendor: latency_ms, error_rate; Twilio:
     * account_sid, auth_token, ...), encrypted at rest: it may hold the vendor's secrets.
     */
    @Column(name = "settings", length = 8192)
    @Convert(converter = EncryptedString.class)
    @Size(max = 6000)
    private String settings;

    /** A name the account gives the channel (Junebug's {@code label}). */
    @Column(name = "label")
    @Size(max = 255)
    private String label;

    /** The account's own data about the channel, a JSON object's text (Junebug's {@code metadata}). */
    @Column(name = "metadata", length = 8192)
    @Size(max = 8192)
    private String metadata;

    /** The most characters a message sent on the channel may have (Junebug's {@code character_limit}; null: any). */
    @Column(name = "character_limit")
    @Min(value = 0, message = "character_limit must be at least 0")
    private Integer characterLimit;

    protected Channel() {
    }

    public Channel(String id, String accountId, String vendor, String address, String transportType) {
        this.id = id;
        this.accountId = accountId;
        this.vendor = vendor;
        this.address = address;
        this.transportType = transportType;
    }

    public String getId() {
        return id;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getTransportType() {
        return transportType;
    }

    public void setTransportType(String transportType) {
        this.transportType = transportType;
    }

    public String getMoMessageUrl() {
        return moMessageUrl;
    }

    public void setMoMessageUrl(String moMessageUrl) {
        this.moMessageUrl = moMessageUrl;
    }

    public String getMoMessageUrlAuthToken() {
        return moMessageUrlAuthToken;
    }

    public void setMoMessageUrlAuthToken(String moMessageUrlAuthToken) {
        this.moMessageUrlAuthToken = moMessageUrlAuthToken;
    }

    public Double getRatePerSecond() {
        return ratePerSecond;
    }

    public void setRatePerSecond(Double ratePerSecond) {
        this.ratePerSecond = ratePerSecond;
    }

    public int getMaxInFlight() {
        return maxInFlight == null ? DEFAULT_MAX_IN_FLIGHT : maxInFlight;
    }

    public void setMaxInFlight(Integer maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getMetadata() {
        return metadata;
    }

    public void setMetadata(String metadata) {
        this.metadata = metadata;
    }

    public Integer getCharacterLimit() {
        return characterLimit;
    }

    public void setCharacterLimit(Integer characterLimit) {
        this.characterLimit = characterLimit;
    }

    public String getSettings() {
        return settings;
    }

    public void setSettings(String settings) {
        this.settings = settings;
    }
}
