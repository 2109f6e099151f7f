package org.switchboard.channels;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.ConfigProvider;
import org.switchboard.json.JsonStrings;
import org.switchboard.secrets.Secrets;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.switchboard.accounts.Account;
import org.switchboard.accounts.Ids;
import org.switchboard.cache.Changed;
import org.switchboard.messages.Message;

/**
 * What the platform keeps about accounts and their vendors: the account's features and own vendor settings, its
 * number inventory, the parts of long inbound messages, and messages by the vendor's id of them.
 */
@Stateless
public class VendorAccounts {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<Changed> changes;

    @Inject
    private VendorHttp http;

    /** The account's features (a JSON object's text), or null. */
    public String features(String accountId) {
        Account account = em.find(Account.class, accountId);
        return account == null ? null : account.getFeatures();
    }

    public void setFeatures(String accountId, String features) {
        em.find(Account.class, accountId).setFeatures(features);
        changes.fire(Changed.account(accountId));
    }

    /** The account's own settings of the vendor (a JSON object's text), or null. */
    public String settings(String accountId, String vendor) {
        AccountVendor own = em.find(AccountVendor.class, AccountVendor.id(accountId, vendor));
        return own == null ? null : own.getSettings();
    }

    /**
     * Changes the account's own settings of a vendor that is configured per account to those given: a secret sent back
     * as {@code <Encrypted>} (as the APIs show it) keeps its stored value, a null removes a setting. The result is
     * checked against the vendor before it is stored.
     *
     * @throws IllegalArgumentException naming what is wrong; nothing is changed then
     */
    public void updateSettings(String accountId, ServiceVendor vendor, JsonObject given) {
        String vendorName = vendor.metadata().name();
        if (!vendor.metadata().supportsOrgConfig()) {
            throw new IllegalArgumentException("The vendor '" + vendorName + "' is not configured per account");
        }
        JsonObject old = Optional.ofNullable(settings(accountId, vendorName)).map(JsonStrings::object)
                .orElse(JsonValue.EMPTY_JSON_OBJECT);
        JsonObjectBuilder merged = JSON.createObjectBuilder();
        given.forEach((key, value) -> {
            boolean kept = value instanceof JsonString text && Secrets.SHOWN.equals(text.getString());
            if (kept && old.containsKey(key)) {
                merged.add(key, old.get(key));
            } else if (!kept && value != JsonValue.NULL) {
                merged.add(key, value);
            }
        });
        JsonObject settings = merged.build();
        vendor.checkSettings(settings);
        http.checkSettings(settings);
        if (settings.toString().length() > 6000) {
            throw new IllegalArgumentException("The settings may be 6000 characters at most");
        }
        setSettings(accountId, vendorName, settings.isEmpty() ? null : settings.toString());
    }

    /** {@code PHONE_NUMBER_COUNTRY}: the account's features', else the platform's (ISO code, such as US), or null. */
    public String country(String accountId) {
        String features = features(accountId);
        if (features != null && JsonStrings.object(features).get("PHONE_NUMBER_COUNTRY") instanceof JsonString c) {
            return c.getString();
        }
        return ConfigProvider.getConfig().getOptionalValue("PHONE_NUMBER_COUNTRY", String.class).orElse(null);
    }

    /** Sets the account's own settings of the vendor (null removes them). */
    public void setSettings(String accountId, String vendor, String settings) {
        AccountVendor own = em.find(AccountVendor.class, AccountVendor.id(accountId, vendor));
        if (settings == null) {
            if (own != null) {
                em.remove(own);
            }
        } else if (own == null) {
            em.persist(new AccountVendor(accountId, vendor, settings));
        } else {
            own.setSettings(settings);
        }
        changes.fire(new Changed(Changed.Kind.VENDOR_SETTINGS, accountId));
    }

    /** The account's numbers on the vendor, in an area code (null: all), by number. */
    public List<VendorNumber> numbers(String accountId, String vendor, String areaCode) {
        return em.createQuery("select n from VendorNumber n where n.accountId = :account and n.vendor = :vendor"
                + " and (:area is null or n.areaCode = :area) order by n.number", VendorNumber.class)
                .setParameter("account", accountId)
                .setParameter("vendor", vendor)
                .setParameter("area", areaCode)
                .getResultList();
    }

    public List<VendorNumber> add(String accountId, String vendor, List<ServiceVendor.OwnedNumber> bought) {
        List<VendorNumber> rows = bought.stream().map(n -> new VendorNumber(Ids.uuid(), accountId, vendor, n))
                .toList();
        rows.forEach(em::persist);
        return rows;
    }

    public void remove(List<VendorNumber> numbers) {
        numbers.forEach(n -> em.remove(em.contains(n) ? n : em.merge(n)));
    }

    /** Records the numbers as in the messaging service (null: in none). */
    public void setService(String accountId, String vendor, List<String> numbers, String serviceSid) {
        em.createQuery("update VendorNumber n set n.messagingServiceSid = :sid where n.accountId = :account"
                + " and n.vendor = :vendor and n.number in :numbers")
                .setParameter("sid", serviceSid)
                .setParameter("account", accountId)
                .setParameter("vendor", vendor)
                .setParameter("numbers", numbers.isEmpty() ? List.of("") : numbers)
                .executeUpdate();
    }

    /** The channel's message that the vendor knows by this id. */
    public Optional<Message> byVendorId(String channelId, String vendorMessageId, Message.Direction direction) {
        return em.createQuery("select m from Message m where m.vendorMessageId = :vid and m.channelId = :channel"
                + " and m.direction = :direction", Message.class)
                .setParameter("vid", vendorMessageId)
                .setParameter("channel", channelId)
                .setParameter("direction", direction)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The channel's message with this id. */
    public Optional<Message> message(String channelId, String messageId) {
        return Optional.ofNullable(em.find(Message.class, messageId))
                .filter(m -> channelId.equals(m.getChannelId()));
    }

    /**
     * Keeps a part of a long message; when it was the last one missing, the parts are removed and the whole message
     * is answered (its vendor id the first part's). Parts of one channel are taken one at a time (the channel's row is
     * locked), so two last parts at once cannot each miss the other. A part already kept is ignored.
     */
    public Optional<WebhookResult.Inbound> assemble(String channelId, WebhookResult.Part part) {
        em.find(Channel.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        List<InboundPart> kept = parts(channelId, part.ref());
        if (kept.stream().noneMatch(p -> p.getSeq() == part.seq())) {
            InboundPart row = new InboundPart(Ids.uuid(), channelId, part);
            em.persist(row);
            kept = new ArrayList<>(kept);
            kept.add(row);
        }
        if (kept.size() < part.total()) {
            return Optional.empty();
        }
        kept.sort(Comparator.comparingInt(InboundPart::getSeq));
        kept.forEach(em::remove);
        InboundPart first = kept.get(0);
        return Optional.of(new WebhookResult.Inbound(first.getVendorMessageId(), first.getFromAddr(),
                first.getToAddr(), kept.stream().map(p -> p.getContent() == null ? "" : p.getContent())
                        .collect(Collectors.joining())));
    }

    private List<InboundPart> parts(String channelId, String ref) {
        return em.createQuery("select p from InboundPart p where p.channelId = :channel and p.ref = :ref",
                InboundPart.class)
                .setParameter("channel", channelId)
                .setParameter("ref", ref)
                .getResultList();
    }
}
