package org.switchboard.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;

/**
 * A router of an account's routing table (Vumi Go's {@code go/routers/*}): it sits between channels (its inbound side)
 * and conversations (its outbound side) and chooses, for each inbound message, the endpoint it leaves by.
 */
@Entity
@Table(name = "router")
public class Router {

    /** The routers there are, by their Vumi Go names. */
    public enum Type {
        /** The first word of the message, without regard to case: {@code keyword_endpoint_mapping}, else default. */
        KEYWORD,
        /** The first rule whose static group the sender's contact is in, else default. */
        GROUP,
        /** A USSD menu of endpoints; the choice is kept for the session. */
        APP_MULTIPLEXER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The type of a wire name ({@code keyword}, {@code group}, {@code app_multiplexer}); null if none. */
        public static Type of(String wireName) {
            for (Type type : values()) {
                if (type.wireName().equals(wireName)) {
                    return type;
                }
            }
            return null;
        }
    }

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Type type;

    @Column(nullable = false)
    @NotBlank
    @Size(max = 255)
    private String name;

    @Column(nullable = false, length = 65535)
    @Size(max = 65535)
    private String config;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Router() {
    }

    public Router(String id, String accountId, Type type, String name, String config) {
        this.id = id;
        this.accountId = accountId;
        this.type = type;
        this.name = name;
        this.config = config;
        this.createdAt = Instant.now();
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

    /** The checked config as JSON text ({@link RouterConfigs}). */
    public String getConfig() {
        return config;
    }

    public void setConfig(String config) {
        this.config = config;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
