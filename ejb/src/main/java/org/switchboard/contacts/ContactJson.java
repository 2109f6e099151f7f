package org.switchboard.contacts;

import static org.switchboard.json.Jsonp.JSON;

import org.switchboard.json.JsonStrings;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/** A contact as Vumi Go showed it to apps and API clients, and the rules for changing it from JSON. */
public final class ContactJson {

    /** Keys of extra and subscription fields that are indexed (and so can be searched). */
    static final Pattern DYNAMIC_KEY = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    /** A string field: its entity property (for queries) and accessors. */
    private record Field(String property, Function<Contact, String> get, BiConsumer<Contact, String> set) {
    }

    /** The string fields, by Vumi Go's names. */
    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();
    static {
        FIELDS.put("name", new Field("name", Contact::getName, Contact::setName));
        FIELDS.put("surname", new Field("surname", Contact::getSurname, Contact::setSurname));
        FIELDS.put("email_address", new Field("emailAddress", Contact::getEmailAddress, Contact::setEmailAddress));
        FIELDS.put("msisdn", new Field("msisdn", Contact::getMsisdn, Contact::setMsisdn));
        FIELDS.put("dob", new Field("dob", Contact::getDob, Contact::setDob));
        FIELDS.put("twitter_handle", new Field("twitterHandle", Contact::getTwitterHandle, Contact::setTwitterHandle));
        FIELDS.put("facebook_id", new Field("facebookId", Contact::getFacebookId, Contact::setFacebookId));
        FIELDS.put("bbm_pin", new Field("bbmPin", Contact::getBbmPin, Contact::setBbmPin));
        FIELDS.put("gtalk_id", new Field("gtalkId", Contact::getGtalkId, Contact::setGtalkId));
        FIELDS.put("mxit_id", new Field("mxitId", Contact::getMxitId, Contact::setMxitId));
        FIELDS.put("wechat_id", new Field("wechatId", Contact::getWechatId, Contact::setWechatId));
    }

    /** Fields that come from the platform: accepted in a contact sent back, but never changed by it. */
    private static final java.util.Set<String> READ_ONLY = java.util.Set.of("key", "user_account", "created_at",
            "$VERSION");

    /** Delivery classes and the contact field holding the address for each. */
    private static final Map<String, String> ADDRESS_FIELDS = Map.of("sms", "msisdn", "ussd", "msisdn", "voice",
            "msisdn", "twitter", "twitter_handle", "gtalk", "gtalk_id", "mxit", "mxit_id", "wechat", "wechat_id",
            "facebook", "facebook_id", "bbm", "bbm_pin", "email", "email_address");

    private ContactJson() {
    }

    public static JsonObject toJson(Contact contact) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("key", contact.getKey());
        FIELDS.forEach((name, field) -> {
            String value = field.get().apply(contact);
            json.add(name, value == null ? JsonValue.NULL : JSON.createValue(value));
        });
        JsonArrayBuilder groups = JSON.createArrayBuilder();
        contact.getGroups().forEach(groups::add);
        return json.add("user_account", contact.getAccountId())
                .add("created_at", CREATED_AT.format(contact.getCreatedAt()))
                .add("groups", groups)
                .add("extra", parse(contact.getExtra()))
                .add("subscription", parse(contact.getSubscription()))
                .add("$VERSION", contact.getVersion())
                .build();
    }

    /** The contact field that holds addresses of a delivery class ({@code sms} → {@code msisdn}). */
    public static String addressField(String deliveryClass) {
        String field = ADDRESS_FIELDS.get(deliveryClass);
        if (field == null) {
            throw new InvalidContactException("Unknown delivery_class '" + deliveryClass + "'; expected one of "
                    + new java.util.TreeSet<>(ADDRESS_FIELDS.keySet()));
        }
        return field;
    }

    /** The entity property that holds addresses of a delivery class ({@code twitter} → {@code twitterHandle}). */
    /**
     * The entity property of a string field by Vumi Go's name (msisdn, name, ...).
     *
     * @throws InvalidContactException for a field that is not one
     */
    static String property(String field) {
        Field known = FIELDS.get(field);
        if (known == null) {
            throw new InvalidContactException("Unknown contact field '" + field + "'; one of " + FIELDS.keySet());
        }
        return known.property();
    }

    static String addressProperty(String deliveryClass) {
        return FIELDS.get(addressField(deliveryClass)).property();
    }

    static void setAddress(Contact contact, String deliveryClass, String addr) {
        FIELDS.get(addressField(deliveryClass)).set().accept(contact, addr);
    }

    /**
     * Applies fields from JSON. {@code extra} and {@code subscription} are replaced whole when given, as Vumi Go's
     * Dynamic fields were; {@code groups} is left to the caller, which must check that the groups exist.
     *
     * @throws IllegalArgumentException naming the field that is unknown or of the wrong type
     */
    static void apply(Contact contact, JsonObject fields) {
        for (Map.Entry<String, JsonValue> entry : fields.entrySet()) {
            String name = entry.getKey();
            JsonValue value = entry.getValue();
            Field field = FIELDS.get(name);
            if (field != null) {
                field.set().accept(contact, string(name, value));
            } else if (name.equals("extra")) {
                contact.setExtra(stringMap(name, value).toString());
            } else if (name.equals("subscription")) {
                contact.setSubscription(stringMap(name, value).toString());
            } else if (!READ_ONLY.contains(name) && !name.equals("groups")) {
                throw new InvalidContactException("Unknown contact field '" + name + "'");
            }
        }
    }

    /** Sets some keys of a contact's extra (or subscription) fields, keeping the others. */
    static String merge(String current, String what, JsonObject fields) {
        JsonObjectBuilder merged = JSON.createObjectBuilder(parse(current));
        stringMap(what, fields).forEach(merged::add);
        return merged.build().toString();
    }

    /** Clears every field, before a whole contact is saved over it. */
    static void clear(Contact contact) {
        FIELDS.values().forEach(field -> field.set().accept(contact, null));
        contact.setExtra(null);
        contact.setSubscription(null);
    }

    private static String string(String name, JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        if (value.getValueType() == JsonValue.ValueType.NUMBER) {
            return value.toString();
        }
        throw new InvalidContactException("Contact field '" + name + "' must be a string");
    }

    private static JsonObject stringMap(String name, JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (!(value instanceof JsonObject object)) {
            throw new InvalidContactException("Contact field '" + name + "' must be an object of strings");
        }
        JsonObjectBuilder strings = JSON.createObjectBuilder();
        object.forEach((key, item) -> {
            String text = string(name + "." + key, item);
            strings.add(key, text == null ? JsonValue.NULL : JSON.createValue(text));
        });
        return strings.build();
    }

    private static JsonObject parse(String json) {
        return JsonStrings.object(json);
    }
}
