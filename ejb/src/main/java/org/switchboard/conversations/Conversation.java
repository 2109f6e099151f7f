package org.switchboard.conversations;

import jakarta.validation.constraints.Size;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Transient;
import org.switchboard.json.StrictRecords;
import org.switchboard.json.JsonStrings;
import org.switchboard.secrets.EncryptedString;
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
@Table(name = "conversation", indexes = @jakarta.persistence.Index(name = "conversation_token", columnList = "account_id, token_hash"))
public class Conversation {

    /** The kinds of app a conversation can be. */
    public enum Type {
        /** a JavaScript app in the sandbox */
        JSBOX,
        /** inbound messages are POSTed to the channel's mo_message_url */
        JUNEBUG,
        /** Vumi Go's HTTP API: clients send with the conversation's token, inbound is pushed or streamed */
        HTTP_API,
        /** Vumi Go's bulk_message: one text to the contacts of groups, sent as a job ({@code campaigns.BulkSends}) */
        BULK_MESSAGE,
        /** Vumi Go's static_reply: answers every message with its {@code reply_text} and closes the session */
        STATIC_REPLY,
        /** Vumi Go's opt_out: records the sender's opt-out and says so */
        OPT_OUT,
        /** Vumi Go's subscription: keywords that subscribe to or unsubscribe from a campaign, with a reply */
        SUBSCRIPTION,
        /** Vumi Go's sequential_send: a schedule of messages, each contact getting the next one on each run */
        SEQUENTIAL_SEND,
        /** Vumi Go's dialogue: a poll, run by the dialogue app the platform ships, in the sandbox */
        DIALOGUE;

        /** The ready-made apps, whose config the platform checks ({@link AppConfigs}). */
        public boolean readyMade() {
            return this != JSBOX && this != JUNEBUG && this != HTTP_API;
        }

        /** The type's name on the APIs, as Vumi Go wrote it: {@code bulk_message}. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
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

    /**
     * The settings of an API conversation (junebug, http_api) as JSON, encrypted at rest: push URLs may carry
     * passwords and event tokens are secrets.
     */
    @Lob
    @Column(name = "settings")
    @Convert(converter = EncryptedString.class)
    private String settings;

    /** The SHA-256 of the conversation's API token (http_api), which is shown once when it is made. */
    @Column(name = "token_hash", length = 64)
    @Size(max = 64)
    private String tokenHash;

    @Transient
    private Record parsedSettings;

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

    /** The API settings, as JSON text (null: the defaults). */
    public String getSettings() {
        return settings;
    }

    /** Sets checked settings ({@link ConversationSettings#check}). */
    public void setSettings(Record checked) {
        this.settings = StrictRecords.write(checked).toString();
        this.parsedSettings = checked;
    }

    /** The settings of a Junebug conversation (the defaults for a conversation of another type). */
    public ConversationSettings.Junebug junebug() {
        return parsed(ConversationSettings.Junebug.class, ConversationSettings.Junebug.DEFAULTS);
    }

    /** The settings of an HTTP API conversation (the defaults for a conversation of another type). */
    public ConversationSettings.HttpApi httpApi() {
        return parsed(ConversationSettings.HttpApi.class, ConversationSettings.HttpApi.DEFAULTS);
    }

    private <R extends Record> R parsed(Class<R> type, R defaults) {
        Record parsed = parsedSettings;
        if (parsed == null) {
            parsed = settings == null ? defaults : StrictRecords.read(JsonStrings.object(settings), type);
            parsedSettings = parsed;
        }
        return type.isInstance(parsed) ? type.cast(parsed) : defaults;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public void setTokenHash(String tokenHash) {
        this.tokenHash = tokenHash;
    }

    public String getConfig() {
        return config;
    }

    public void setConfig(String config) {
        this.config = config;
    }
}
