package org.switchboard.channels;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** A phone number an account rents from a vendor (Spoke's owned_phone_number): the number inventory. */
@Entity
@Table(name = "vendor_number", indexes = @Index(name = "vendor_number_account", columnList = "account_id, vendor"), uniqueConstraints = @UniqueConstraint(name = "vendor_number_unique", columnNames = {
        "vendor", "number"}))
public class VendorNumber {

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(nullable = false)
    private String vendor;

    @Column(nullable = false)
    private String number;

    @Column(name = "area_code")
    private String areaCode;

    /** The vendor's id of the number (Twilio's PN... sid). */
    @Column(name = "vendor_id")
    private String vendorId;

    /** The messaging service the number is in (Twilio's MG... sid), if any. */
    @Column(name = "messaging_service_sid")
    private String messagingServiceSid;

    @Column(name = "bought_at", nullable = false)
    private Instant boughtAt;

    protected VendorNumber() {
    }

    public VendorNumber(String id, String accountId, String vendor, ServiceVendor.OwnedNumber number) {
        this.id = id;
        this.accountId = accountId;
        this.vendor = vendor;
        this.number = number.number();
        this.areaCode = number.areaCode();
        this.vendorId = number.vendorId();
        this.boughtAt = Instant.now();
    }

    public ServiceVendor.OwnedNumber owned() {
        return new ServiceVendor.OwnedNumber(number, areaCode, vendorId);
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

    public String getNumber() {
        return number;
    }

    public String getAreaCode() {
        return areaCode;
    }

    public String getVendorId() {
        return vendorId;
    }

    public String getMessagingServiceSid() {
        return messagingServiceSid;
    }

    public void setMessagingServiceSid(String messagingServiceSid) {
        this.messagingServiceSid = messagingServiceSid;
    }

    public Instant getBoughtAt() {
        return boughtAt;
    }
}
