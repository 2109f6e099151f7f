package org.switchboard.channels;

import static org.switchboard.json.Jsonp.JSON;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.switchboard.messages.JsonStrings;

/**
 * The service vendors: every {@link ServiceVendor} bean, found by CDI (Spoke's {@code serviceMap}), by name or alias;
 * and their settings as they apply to a channel ({@link VendorConfig}): the channel's own, else the account's, else
 * the platform's. The platform's are MicroProfile Config properties named as Spoke names its environment:
 * {@code <VENDOR>_<SETTING>} ({@code TWILIO_ACCOUNT_SID}, {@code TWILIO_AUTH_TOKEN}; a secret as a Payara password
 * alias of that name), and {@code DEFAULT_SERVICE}.
 */
@ApplicationScoped
public class ServiceVendors {

    /** The vendor a new channel is on when it names none, unless its account's features say. */
    public static final String DEFAULT_SERVICE = "DEFAULT_SERVICE";
    public static final String PUBLIC_URL = "switchboard.public-url";

    @Inject
    @Any
    private Instance<ServiceVendor> found;

    @Inject
    private VendorAccounts accounts;

    private final Map<String, ServiceVendor> byName = new TreeMap<>();
    private final Map<String, ServiceVendor> byAlias = new TreeMap<>();
    /** The account's and platform's layers of a vendor's settings, read again after 5 s. */
    private final Cache<String, JsonObject> shared = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5))
            .maximumSize(10_000).build();
    private final Cache<String, Resolved> channels = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5)).maximumSize(10_000).build();

    @PostConstruct
    void find() {
        for (ServiceVendor vendor : found) {
            ServiceVendor.Metadata metadata = vendor.metadata();
            byName.put(metadata.name(), vendor);
            metadata.aliases().forEach(alias -> byAlias.put(alias, vendor));
        }
    }

    /** The vendors' names, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public List<ServiceVendor> all() {
        return List.copyOf(byName.values());
    }

    /** The vendor of this name or alias ({@code fakeservice}: {@code fake}). */
    public Optional<ServiceVendor> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        ServiceVendor vendor = byName.get(name);
        return Optional.ofNullable(vendor != null ? vendor : byAlias.get(name));
    }

    /**
     * The vendor's name for a name or alias.
     *
     * @throws IllegalArgumentException when no vendor has it
     */
    public String canonical(String name) {
        return find(name).map(v -> v.metadata().name()).orElseThrow(() -> new IllegalArgumentException(
                "Unknown vendor '" + name + "'; known: " + String.join(", ", names())));
    }

    public ServiceVendor of(Channel channel) {
        return find(channel.getVendor()).orElseThrow(() -> new IllegalStateException("No vendor '"
                + channel.getVendor() + "'"));
    }

    /**
     * Checks a channel's (or an account's) settings text for its vendor (null: none).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public void checkSettings(String vendor, String settings) {
        ServiceVendor found = find(vendor).orElseThrow(() -> new IllegalArgumentException("Unknown vendor '"
                + vendor + "'; known: " + String.join(", ", names())));
        if (settings != null && !settings.isBlank()) {
            found.checkSettings(JsonStrings.object(settings));
        }
    }

    /** The vendor a new channel of the account is on when none is named: its features', else the platform's. */
    public String defaultService(String accountId) {
        String features = accounts.features(accountId);
        if (features != null) {
            JsonValue named = JsonStrings.object(features).get(DEFAULT_SERVICE);
            if (named instanceof JsonString text && !text.getString().isBlank()) {
                return canonical(text.getString());
            }
        }
        return canonical(config().getOptionalValue(DEFAULT_SERVICE, String.class).orElse("fake"));
    }

    /** The settings that apply to the channel's sends and webhooks (kept 5 s; at once when its settings change). */
    public VendorConfig config(Channel channel) {
        Resolved resolved = channels.getIfPresent(channel.getId());
        if (resolved == null || !java.util.Objects.equals(resolved.settings, channel.getSettings())
                || !resolved.vendor.equals(channel.getVendor())) {
            resolved = new Resolved(channel.getVendor(), channel.getSettings(), resolve(channel));
            channels.put(channel.getId(), resolved);
        }
        return resolved.config;
    }

    private record Resolved(String vendor, String settings, VendorConfig config) {
    }

    private VendorConfig resolve(Channel channel) {
        ServiceVendor vendor = of(channel);
        JsonObjectBuilder values = JSON.createObjectBuilder(shared(channel.getAccountId(), vendor));
        if (channel.getSettings() != null && !channel.getSettings().isBlank()) {
            JsonStrings.object(channel.getSettings()).forEach((name, value) -> {
                if (value != JsonValue.NULL) {
                    values.add(name, value);
                }
            });
        }
        return new VendorConfig(vendor.metadata().name(), values.build(), publicUrl());
    }

    /** The settings that apply to the account's use of the vendor (its inventory, lookups), channels aside. */
    public VendorConfig config(String accountId, ServiceVendor vendor) {
        return new VendorConfig(vendor.metadata().name(), shared(accountId, vendor), publicUrl());
    }

    /** Forgets the account's cached settings of the vendor (they were changed). */
    public void changed(String accountId, String vendor) {
        shared.invalidate(accountId + "/" + vendor);
    }

    private JsonObject shared(String accountId, ServiceVendor vendor) {
        String name = vendor.metadata().name();
        return shared.get(accountId + "/" + name, key -> {
            JsonObjectBuilder values = JSON.createObjectBuilder();
            Config config = config();
            for (ServiceVendor.Setting setting : vendor.settings()) {
                config.getOptionalValue(globalName(name, setting.name()), String.class)
                        .ifPresent(value -> values.add(setting.name(), value));
            }
            if (vendor.metadata().supportsOrgConfig()) {
                String own = accounts.settings(accountId, name);
                if (own != null) {
                    JsonStrings.object(own).forEach((setting, value) -> {
                        if (value != JsonValue.NULL) {
                            values.add(setting, value);
                        }
                    });
                }
            }
            return values.build();
        });
    }

    /** The platform-wide setting's name: {@code TWILIO_AUTH_TOKEN} for twilio's {@code auth_token}. */
    public static String globalName(String vendor, String setting) {
        return (vendor + "_" + setting).toUpperCase(Locale.ROOT);
    }

    private static String publicUrl() {
        String url = config().getOptionalValue(PUBLIC_URL, String.class).orElse("http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
