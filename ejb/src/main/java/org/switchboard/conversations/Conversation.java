package org.switchboard.conversations;

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
    private String accountId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private Type type;

    @Column(nullable = false)
    private String name;

    @Lob
    @Column(name = "javascript")
    private String javascript;

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

    public String getJavascript() {
        return javascript;
    }

    public void setJavascript(String javascript) {
        this.javascript = javascript;
    }

    public String getConfig() {
        return config;
    }

    public void setConfig(String config) {
        this.config = config;
    }
}
