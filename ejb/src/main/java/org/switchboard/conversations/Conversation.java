package org.switchboard.conversations;

import jakarta.validation.constraints.Size;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A running app of an account: a sandboxed JavaScript app, or a Junebug API client the platform pushes to. */
@Entity
@Table(name = "conversation")
public class Conversation {

    /** The kinds of app a conversation can be. */
    public enum Type {
        /** a JavaScript app in the sandbox */
        JSBOX,
        /** inbound messages are POSTed to the channel's mo_message_url */
        JUNEBUG
    }

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    @Size(max = 255)
    private String accountId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private Type type;

    @Column(nullable = false)
    @Size(max = 255)
    private String name;

    @Lob
    @Column(name = "javascript")
    private String javascript;

    /**
     * The app as a bundle: a zip of its script and a {@code node_modules} of pure-JavaScript packages. When set, the
     * sandbox runs {@link #bundleMain} from it and {@link #javascript} holds that script for reading.
     */
    @Lob
    @Column(name = "bundle")
    private byte[] bundle;

    @Column(name = "bundle_main")
    @Size(max = 255)
    private String bundleMain;

    /** Names this exact code (a SHA-256 of script and bundle), so that warm sandbox contexts never run stale code. */
    @Column(name = "code_version", length = 64)
    @Size(max = 64)
    private String codeVersion;

    /** The app's config, a JSON object whose keys the sandbox's {@code config.get} answers. */
    @Lob
    @Column(name = "app_config")
    private String config;

    protected Conversation() {
    }

    public Conversation(String id, String accountId, Type type, String name) {
        this.id = id;
        this.accountId = accountId;
        this.type = type;
        this.name = name;
    }

    public String getId() {
        return id;
    }

    public String getAccountId() {
        return accountId;
    }

    public Type getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getJavascript() {
        return javascript;
    }

    /** Sets the app as a single script, dropping any bundle. */
    public void setJavascript(String javascript) {
        this.javascript = javascript;
        this.bundle = null;
        this.bundleMain = null;
        this.codeVersion = CodeVersions.of(javascript, null);
    }

    /** Sets the app as a bundle (a zip) run from its file {@code main}, whose text is {@code javascript}. */
    public void setBundle(byte[] bundle, String main, String javascript) {
        this.javascript = javascript;
        this.bundle = bundle.clone();
        this.bundleMain = main;
        this.codeVersion = CodeVersions.of(main, bundle);
    }

    public byte[] getBundle() {
        return bundle == null ? null : bundle.clone();
    }

    public String getBundleMain() {
        return bundleMain;
    }

    public String getCodeVersion() {
        return codeVersion == null ? CodeVersions.of(javascript, null) : codeVersion;
    }

    public String getConfig() {
        return config;
    }

    public void setConfig(String config) {
        this.config = config;
    }
}
