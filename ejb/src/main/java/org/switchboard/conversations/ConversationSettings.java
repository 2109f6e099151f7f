package org.switchboard.conversations;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.switchboard.json.StrictRecords;

/**
 * The settings of the conversation types that are APIs rather than apps, under the names their originals use in
 * their config files: vumi2's {@code junebug_message_api} and Vumi Go's {@code http_api}. A setting the platform does
 * not honour is refused, never stored and ignored.
 */
public final class ConversationSettings {

    /** vumi2's default for how long an inbound message can be replied to and an event forwarded: 24 hours. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    /** Settings of vumi2 that have no meaning here, and why (said in the refusal). */
    static final Map<String, String> JUNEBUG_NOT_HONOURED = Map.of(
            "connector_name", "a conversation receives from the channels bound to it",
            "base_url_path", "the API is at /channels/{channel_id}/messages",
            "state_cache_class", "the platform keeps messages and events in its database",
            "mo_message_url", "set it on the channel (POST /api/admin/accounts/{id}/channels)",
            "mo_message_url_auth_token", "set it on the channel (POST /api/admin/accounts/{id}/channels)",
            "request_timeout", "a send is answered once it is stored, in milliseconds",
            "http_bind", "the API is served by the application server");

    /** vumi2's {@code TransportType} values. */
    static final String TRANSPORT_TYPES = "sms|ussd|voice|http_api|irc|telnet|twitter|xmpp|mxit|wechat";

    private ConversationSettings() {
    }

    /** The settings of a Junebug conversation (vumi2 {@code junebug_message_api}). */
    public record Junebug(
            @JsonbProperty("default_event_url") String defaultEventUrl,
            @JsonbProperty("default_event_auth_token") String defaultEventAuthToken,
            @JsonbProperty("transport_type") String transportType,
            @JsonbProperty("default_from_addr") String defaultFromAddr,
            @JsonbProperty("allow_expired_replies") Boolean allowExpiredReplies,
            @JsonbProperty("state_cache_config") StateCache stateCacheConfig,
            @JsonbProperty("mo_message_url_timeout") Double moMessageUrlTimeout,
            @JsonbProperty("event_url_timeout") Double eventUrlTimeout,
            @JsonbProperty("push_signing_secret") String pushSigningSecret) {

        public static final Junebug DEFAULTS = new Junebug(null, null, null, null, null, null, null, null, null);

        public boolean expiredRepliesAllowed() {
            return Boolean.TRUE.equals(allowExpiredReplies);
        }

        /** How long an inbound message can be replied to, and an outbound one's events forwarded. */
        public Duration window() {
            return stateCacheConfig == null || stateCacheConfig.timeout() == null
                    ? DEFAULT_WINDOW
                    : Duration.ofSeconds(stateCacheConfig.timeout());
        }

        /** Whether a message's own event_url is kept (vumi2's store_event_info); if not, default_event_url gets all. */
        public boolean storesEventInfo() {
            return stateCacheConfig == null || !Boolean.FALSE.equals(stateCacheConfig.storeEventInfo());
        }
    }

    /** vumi2's {@code state_cache_config}: the window in seconds and whether a message's event_url is kept. */
    public record StateCache(
            @JsonbProperty("timeout") Integer timeout,
            @JsonbProperty("store_event_info") Boolean storeEventInfo) {
    }

    /** The settings of a Vumi Go HTTP API conversation (Vumi Go's {@code http_api} config). */
    public record HttpApi(
            @JsonbProperty("push_message_url") String pushMessageUrl,
            @JsonbProperty("push_event_url") String pushEventUrl,
            @JsonbProperty("ignore_messages") Boolean ignoreMessages,
            @JsonbProperty("ignore_events") Boolean ignoreEvents,
            @JsonbProperty("content_length_limit") Integer contentLengthLimit,
            @JsonbProperty("metric_store") String metricStore,
            @JsonbProperty("push_signing_secret") String pushSigningSecret) {

        public static final HttpApi DEFAULTS = new HttpApi(null, null, null, null, null, null, null);

        public String store() {
            return metricStore == null ? "default" : metricStore;
        }

        /** Where inbound messages go: the push URL, or (none set and not ignored) the stream. */
        public boolean pushesMessages() {
            return pushMessageUrl != null && !Boolean.TRUE.equals(ignoreMessages);
        }

        public boolean pushesEvents() {
            return pushEventUrl != null && !Boolean.TRUE.equals(ignoreEvents);
        }

        public boolean streamsMessages() {
            return pushMessageUrl == null && !Boolean.TRUE.equals(ignoreMessages);
        }

        public boolean streamsEvents() {
            return pushEventUrl == null && !Boolean.TRUE.equals(ignoreEvents);
        }
    }

    /**
     * Checks a conversation type's settings as a client sent them.
     *
     * @return the settings as they are stored
     * @throws StrictRecords.Refused naming the first setting that is unknown, not honoured or of the wrong type
     */
    public static Record check(Conversation.Type type, JsonObject json) {
        return switch (type) {
            case JUNEBUG -> {
                for (String key : json.keySet()) {
                    String why = JUNEBUG_NOT_HONOURED.get(key);
                    if (why != null) {
                        throw new StrictRecords.Refused(key, "The setting '" + key + "' is not supported: " + why);
                    }
                }
                Junebug junebug = StrictRecords.read(json, Junebug.class);
                positive("state_cache_config.timeout", junebug.stateCacheConfig() == null
                        ? null
                        : junebug.stateCacheConfig().timeout());
                positive("mo_message_url_timeout", junebug.moMessageUrlTimeout());
                positive("event_url_timeout", junebug.eventUrlTimeout());
                if (junebug.transportType() != null && !junebug.transportType().toLowerCase(Locale.ROOT)
                        .matches(TRANSPORT_TYPES)) {
                    throw new StrictRecords.Refused("transport_type", "'transport_type' must be one of "
                            + TRANSPORT_TYPES.replace("|", ", ") + " (vumi2's transport types)");
                }
                signingSecret(junebug.pushSigningSecret());
                yield junebug;
            }
            case HTTP_API -> {
                HttpApi api = StrictRecords.read(json, HttpApi.class);
                positive("content_length_limit", api.contentLengthLimit());
                signingSecret(api.pushSigningSecret());
                yield api;
            }
            default -> throw new IllegalArgumentException("A " + type.wireName()
                    + " conversation has an app config, not settings");
        };
    }

    /** The shortest signing secret taken: 16 characters (128 bits as hex would be 32). */
    static final int MIN_SECRET = 16;

    private static void signingSecret(String secret) {
        if (secret != null && secret.length() < MIN_SECRET) {
            throw new StrictRecords.Refused("push_signing_secret", "'push_signing_secret' must have at least "
                    + MIN_SECRET + " characters (a random one: head -c 32 /dev/urandom | base64)");
        }
    }

    /** The conversation's secret for signing its pushes (Switchboard's own setting), or null: pushes unsigned. */
    public static String signingSecret(Conversation conversation) {
        if (conversation == null) {
            return null;
        }
        return switch (conversation.getType()) {
            case JUNEBUG -> conversation.junebug().pushSigningSecret();
            case HTTP_API -> conversation.httpApi().pushSigningSecret();
            default -> null;
        };
    }

    private static void positive(String key, Number value) {
        if (value != null && value.doubleValue() <= 0) {
            throw new StrictRecords.Refused(key, "'" + key + "' must be more than 0");
        }
    }
}
