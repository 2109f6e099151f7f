package org.switchboard.contacts;

import jakarta.validation.constraints.Size;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.PropertyBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyBinding;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/** A person an account talks to, with Vumi Go's contact fields; indexed for Lucene queries. */
@Entity
@Table(name = "contact")
@Indexed
public class Contact {

    /** The fields a Lucene query may name, as Vumi Go named them. */
    public static final String[] SEARCHABLE_FIELDS = {"name", "surname", "email_address", "msisdn",
            "twitter_handle", "facebook_id", "bbm_pin", "gtalk_id", "mxit_id", "wechat_id", "dob"};

    @Id
    @Column(name = "contact_key")
    private String key;

    @KeywordField(name = "account_id")
    @Column(name = "account_id", nullable = false)
    @Size(max = 255)
    private String accountId;

    @FullTextField
    @Size(max = 255)
    private String name;

    @FullTextField
    @Size(max = 255)
    private String surname;

    @FullTextField(name = "email_address")
    @Column(name = "email_address")
    @Size(max = 255)
    private String emailAddress;

    @FullTextField
    @Size(max = 255)
    private String msisdn;

    @FullTextField(name = "twitter_handle")
    @Column(name = "twitter_handle")
    @Size(max = 255)
    private String twitterHandle;

    @FullTextField(name = "facebook_id")
    @Column(name = "facebook_id")
    @Size(max = 255)
    private String facebookId;

    @FullTextField(name = "bbm_pin")
    @Column(name = "bbm_pin")
    @Size(max = 255)
    private String bbmPin;

    @FullTextField(name = "gtalk_id")
    @Column(name = "gtalk_id")
    @Size(max = 255)
    private String gtalkId;

    @FullTextField(name = "mxit_id")
    @Column(name = "mxit_id")
    @Size(max = 255)
    private String mxitId;

    @FullTextField(name = "wechat_id")
    @Column(name = "wechat_id")
    @Size(max = 255)
    private String wechatId;

    @FullTextField
    @Size(max = 255)
    private String dob;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Free-form fields, a JSON object of strings; searchable as {@code extras-<name>:value}. */
    @Lob
    @Column(name = "extra")
    @PropertyBinding(binder = @PropertyBinderRef(type = DynamicFieldsBinder.Extras.class))
    private String extra;

    /** Subscriptions, a JSON object of strings; searchable as {@code subscription-<name>:value}. */
    @Lob
    @Column(name = "subscription")
    @PropertyBinding(binder = @PropertyBinderRef(type = DynamicFieldsBinder.Subscriptions.class))
    private String subscription;

    /** Keys of the static groups the contact is in. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contact_group", joinColumns = @JoinColumn(name = "contact_key"))
    @Column(name = "group_key")
    @KeywordField(name = "groups")
    private Set<String> groups = new LinkedHashSet<>();

    @Version
    private int version;

    protected Contact() {
    }

    public Contact(String key, String accountId) {
        this.key = key;
        this.accountId = accountId;
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

    public String getSurname() {
        return surname;
    }

    public void setSurname(String surname) {
        this.surname = surname;
    }

    public String getEmailAddress() {
        return emailAddress;
    }

    public void setEmailAddress(String emailAddress) {
        this.emailAddress = emailAddress;
    }

    public String getMsisdn() {
        return msisdn;
    }

    public void setMsisdn(String msisdn) {
        this.msisdn = msisdn;
    }

    public String getTwitterHandle() {
        return twitterHandle;
    }

    public void setTwitterHandle(String twitterHandle) {
        this.twitterHandle = twitterHandle;
    }

    public String getFacebookId() {
        return facebookId;
    }

    public void setFacebookId(String facebookId) {
        this.facebookId = facebookId;
    }

    public String getBbmPin() {
        return bbmPin;
    }

    public void setBbmPin(String bbmPin) {
        this.bbmPin = bbmPin;
    }

    public String getGtalkId() {
        return gtalkId;
    }

    public void setGtalkId(String gtalkId) {
        this.gtalkId = gtalkId;
    }

    public String getMxitId() {
        return mxitId;
    }

    public void setMxitId(String mxitId) {
        this.mxitId = mxitId;
    }

    public String getWechatId() {
        return wechatId;
    }

    public void setWechatId(String wechatId) {
        this.wechatId = wechatId;
    }

    public String getDob() {
        return dob;
    }

    public void setDob(String dob) {
        this.dob = dob;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The extra fields as a JSON object, "{}" when there are none. */
    public String getExtra() {
        return extra == null ? "{}" : extra;
    }

    public void setExtra(String extra) {
        this.extra = extra;
    }

    /** The subscriptions as a JSON object, "{}" when there are none. */
    public String getSubscription() {
        return subscription == null ? "{}" : subscription;
    }

    public void setSubscription(String subscription) {
        this.subscription = subscription;
    }

    public Set<String> getGroups() {
        return groups;
    }

    public int getVersion() {
        return version;
    }
}
