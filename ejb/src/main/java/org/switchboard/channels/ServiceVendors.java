package org.switchboard.channels;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.switchboard.cache.Changed;
import org.switchboard.cache.RecentRows;
import org.switchboard.json.JsonStrings;

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

    @Inject
    private VendorHttp http;

    private final Map<String, ServiceVendor> byName = new TreeMap<>();
    private final Map<String, ServiceVendor> byAlias = new TreeMap<>();
    /** The account's and platform's layers of a vendor's settings, by {@code <account>/<vendor>}. */
    private final RecentRows<JsonObject> shared = new RecentRows<>(Changed.Kind.VENDOR_SETTINGS, 10_000);
    /** What a channel's sends need, by channel id. */
    private final RecentRows<Ready> channels = new RecentRows<>(Changed.Kind.CHANNEL, 10_000);

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
        return named(name).metadata().name();
    }

    private ServiceVendor named(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("Unknown vendor '" + name + "'; known: "
                + String.join(", ", names())));
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
        ServiceVendor found = named(vendor);
        if (settings != null && !settings.isBlank()) {
            JsonObject json = JsonStrings.object(settings);
            found.checkSettings(json);
            http.checkSettings(json);
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

    /**
     * The channel's vendor, the settings that apply to its sends and webhooks, and the required ones missing (kept
     * 5 s; at once when its settings change): a send reads them, so they are not worked out again for each.
     */
    public Ready ready(Channel channel) {
        Ready ready = channels.get(channel.getId(), id -> ready(channel, of(channel)));
        if (!Objects.equals(ready.settings, channel.getSettings())
                || !ready.vendor.metadata().name().equals(channel.getVendor())) {
            ready = ready(channel, of(channel)); // a changed copy of the channel, not yet committed
        }
        return ready;
    }

    private Ready ready(Channel channel, ServiceVendor vendor) {
        JsonObjectBuilder values = JSON.createObjectBuilder(shared(channel.getAccountId(), vendor));
        overlay(values, channel.getSettings());
        VendorConfig config = new VendorConfig(vendor.metadata().name(), values.build(), publicUrl(null));
        return new Ready(vendor, config, vendor.missing(config), channel.getSettings());
    }

    /** A channel's vendor and its settings; it may send when {@code missing} is empty (fullyConfigured). */
    public record Ready(ServiceVendor vendor, VendorConfig config, List<String> missing, String settings) {
    }

    /** The settings that apply to the channel's sends and webhooks. */
    public VendorConfig config(Channel channel) {
        return ready(channel).config();
    }

    /** Lays the settings in a JSON object's text (null: none) over those given; a null leaves a setting as it was. */
    private static void overlay(JsonObjectBuilder values, String settings) {
        if (settings != null && !settings.isBlank()) {
            JsonStrings.object(settings).forEach((name, value) -> {
                if (value != JsonValue.NULL) {
                    values.add(name, value);
                }
            });
        }
    }

    /** The settings that apply to the account's use of the vendor (its inventory, lookups), channels aside. */
    public VendorConfig config(String accountId, ServiceVendor vendor) {
        return new VendorConfig(vendor.metadata().name(), shared(accountId, vendor), publicUrl(null));
    }

    /** Drops what a committed change makes stale: a channel's sends, or an account's settings of its vendors. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        shared.changed(change);
        channels.changed(change);
        if (change.kind() == Changed.Kind.VENDOR_SETTINGS) {
            channels.clear(); // a channel's sends hold its account's layer too
        }
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
                overlay(values, accounts.settings(accountId, name));
            }
            return values.build();
        });
    }

    /** The platform-wide setting's name: {@code TWILIO_AUTH_TOKEN} for twilio's {@code auth_token}. */
    public static String globalName(String vendor, String setting) {
        return (vendor + "_" + setting).toUpperCase(Locale.ROOT);
    }

    /**
     * Where vendors reach the platform: {@code switchboard.public-url}, else {@code otherwise} (a request's own
     * base URL), else {@code http://localhost:8080}; without a trailing slash.
     */
    public static String publicUrl(String otherwise) {
        String url = config().getOptionalValue(PUBLIC_URL, String.class)
                .orElse(otherwise != null ? otherwise : "http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
