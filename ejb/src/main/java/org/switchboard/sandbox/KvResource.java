package org.switchboard.sandbox;

import static org.switchboard.json.Jsonp.JSON;

import org.switchboard.validation.Checks;
import org.switchboard.json.JsonStrings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.sandbox.api.SandboxHost.UnknownCommandException;

/**
 * The {@code kv} resource: a key-value store per account (Vumi Go's sandbox_id was the account), with expiry and
 * Vumi Go's per-account key limits: past the soft limit each new key logs a warning, at the hard limit new keys are
 * refused with "Too many keys". As in Vumi, keys that expire still count until they are read or replaced.
 */
@ApplicationScoped
public class KvResource implements SandboxResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "switchboard.sandbox.kv.keys-per-user-hard", defaultValue = "10000")
    int hardLimit;

    /** Defaults to 80 % of the hard limit. */
    @Inject
    @ConfigProperty(name = "switchboard.sandbox.kv.keys-per-user-soft")
    Optional<Integer> softLimit;

    @Override
    public String name() {
        return "kv";
    }

    @Override
    public JsonObject handle(String command, JsonObject fields, AppScope app) throws UnknownCommandException {
        if (!command.equals("get") && !command.equals("set") && !command.equals("incr") && !command.equals("delete")) {
            throw SandboxResource.unknown(name(), command);
        }
        String key = Checks.atMost("key", SandboxResource.required(fields, "key"), KvEntry.MAX_KEY);
        KvEntry entry = em.find(KvEntry.class, KvEntry.id(app.accountId(), key));
        if (entry != null && entry.expired(Instant.now())) {
            em.remove(entry);
            em.flush();
            entry = null;
        }
        switch (command) {
            case "get" :
                return SandboxResource.success().add("value", entry == null ? JsonValue.NULL : parse(entry.getValue()))
                        .build();
            case "set" : {
                JsonValue seconds = fields.get("seconds");
                if (seconds != null && seconds != JsonValue.NULL && !(seconds instanceof JsonNumber)) {
                    throw new IllegalArgumentException("seconds must be a number or null");
                }
                if (entry == null) {
                    entry = newEntry(app, key);
                }
                entry.setValue(Checks.atMost("value", fields.getOrDefault("value", JsonValue.NULL).toString(),
                        KvEntry.MAX_VALUE));
                entry.setExpiresAt(seconds instanceof JsonNumber number
                        ? Instant.now().plusMillis((long) (number.doubleValue() * 1000))
                        : null);
                return SandboxResource.success().build();
            }
            case "incr" : {
                JsonValue amountField = fields.getOrDefault("amount", JSON.createValue(1));
                if (!(amountField instanceof JsonNumber amount) || !amount.isIntegral()) {
                    throw new IllegalArgumentException("amount must be an integer");
                }
                long current = 0;
                if (entry != null) {
                    if (!(parse(entry.getValue()) instanceof JsonNumber number) || !number.isIntegral()) {
                        throw new IllegalArgumentException("The value of '" + key + "' is not an integer");
                    }
                    current = number.longValue();
                } else {
                    entry = newEntry(app, key);
                }
                long value = current + amount.longValue();
                entry.setValue(Long.toString(value));
                return SandboxResource.success().add("value", value).build();
            }
            default :
                if (entry != null) {
                    em.remove(entry);
                }
                return SandboxResource.success().add("existed", entry != null).build();
        }
    }

    private KvEntry newEntry(AppScope app, String key) {
        long keys = em.createQuery("select count(k) from KvEntry k where k.accountId = :account", Long.class)
                .setParameter("account", app.accountId())
                .getSingleResult();
        if (keys >= hardLimit) {
            throw new IllegalArgumentException("Too many keys");
        }
        int soft = softLimit.orElse(hardLimit * 4 / 5);
        if (keys >= soft) {
            em.persist(new SandboxLogLine(app.conversationId(), "WARNING", "Account " + app.accountId() + " uses "
                    + (keys + 1) + " keys of its " + hardLimit + " (soft limit " + soft + ")"));
        }
        KvEntry entry = new KvEntry(app.accountId(), key);
        em.persist(Checks.valid(entry));
        return entry;
    }

    private static JsonValue parse(String json) {
        return JsonStrings.value(json);
    }
}
