package org.switchboard.contacts.imports;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.switchboard.contacts.ContactService;

/**
 * How an import reads its file: which column is which contact field (or an extra, or left out) with which normaliser,
 * whether the first row is a header, the mode, the group and the country numbers without a country code are in.
 *
 * @param mapping one entry per column that is imported
 * @param groupKey the group every contact joins (null: none; a new group's key once it is made)
 * @param groupName a new static group to make and join, instead of {@code groupKey}
 */
public record ImportSettings(List<Column> mapping, boolean hasHeader, Mode mode, String groupKey, String groupName,
        String country) {

    /** Vumi Go's import rules. */
    public enum Mode {
        /** every row is a new contact; it needs a number, and a number the account has already is refused */
        NEW,
        /** rows update the contacts they match (by key, else number), the file's values winning; others are made */
        UPLOAD_IS_TRUTH,
        /** as upload_is_truth, the contact's values winning: the file only fills what is empty */
        EXISTING_IS_TRUTH;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        ContactService.Merge merge() {
            return switch (this) {
                case NEW -> null;
                case UPLOAD_IS_TRUTH -> ContactService.Merge.UPLOAD_IS_TRUTH;
                case EXISTING_IS_TRUTH -> ContactService.Merge.EXISTING_IS_TRUTH;
            };
        }
    }

    /** A column imported: its index from 0, the field it fills ({@code name}, {@code msisdn}, {@code extras-<name>}). */
    public record Column(int index, String field, String normaliser) {
    }

    /** The contact fields a column can fill (Vumi Go's names); {@code extras-<name>} fills an extra. */
    public static final List<String> FIELDS = List.of("key", "name", "surname", "email_address", "msisdn", "dob",
            "twitter_handle", "facebook_id", "bbm_pin", "gtalk_id", "mxit_id", "wechat_id");
    static final String EXTRAS = "extras-";
    private static final Pattern EXTRA_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

    /**
     * Checks settings against the file's columns, whole, before anything is queued.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    void check(int columns) {
        if (mapping.isEmpty()) {
            throw new IllegalArgumentException("'mapping' is required: which column is which contact field");
        }
        Set<String> fields = new HashSet<>();
        Set<Integer> indexes = new HashSet<>();
        for (Column column : mapping) {
            String where = "column " + (column.index() + 1);
            if (column.index() < 0 || column.index() >= columns) {
                throw new IllegalArgumentException("'mapping' names " + where + ", but the file has " + columns
                        + " columns");
            }
            if (!indexes.add(column.index())) {
                throw new IllegalArgumentException("'mapping' names " + where + " twice");
            }
            String field = column.field();
            if (!FIELDS.contains(field) && !(field.startsWith(EXTRAS)
                    && EXTRA_NAME.matcher(field.substring(EXTRAS.length())).matches())) {
                throw new IllegalArgumentException("'mapping': " + where + " maps to '" + field + "', which is not a"
                        + " contact field: use one of " + String.join(", ", FIELDS) + ", or extras-<name>");
            }
            if (!fields.add(field)) {
                throw new IllegalArgumentException("'mapping': two columns map to '" + field + "'");
            }
            if (!Normalisers.NAMES.contains(column.normaliser() == null ? "" : column.normaliser())) {
                throw new IllegalArgumentException("'mapping': " + where + " has the normaliser '"
                        + column.normaliser() + "'; the normalisers are string, integer, float, msisdn (or none)");
            }
        }
        if (mode == Mode.NEW && !fields.contains("msisdn")) {
            throw new IllegalArgumentException("Map a column to msisdn (the contact number): a new contact needs one");
        }
        if (mode != Mode.NEW && !fields.contains("msisdn") && !fields.contains("key")) {
            throw new IllegalArgumentException("Map a column to key or msisdn: " + mode.wireName()
                    + " updates the contacts the rows match by one of them");
        }
        if (mode == Mode.NEW && fields.contains("key")) {
            throw new IllegalArgumentException("A key column matches existing contacts: use mode upload_is_truth or"
                    + " existing_is_truth, or leave the column out");
        }
        if (groupKey != null && groupName != null) {
            throw new IllegalArgumentException("Give 'group_key' (a group the account has) or 'group_name' (a new"
                    + " group), not both");
        }
        if (country != null && !Normalisers.knownCountry(country)) {
            throw new IllegalArgumentException("'country' must be an ISO 3166 country code such as ZA or US");
        }
    }

    /** The settings as stored with the import. */
    JsonObject json() {
        JsonArrayBuilder columns = JSON.createArrayBuilder();
        mapping.forEach(c -> columns.add(JSON.createObjectBuilder().add("column", c.index()).add("field", c.field())
                .add("normalize", c.normaliser() == null ? "" : c.normaliser())));
        var json = JSON.createObjectBuilder().add("mapping", columns).add("has_header", hasHeader)
                .add("mode", mode.wireName());
        if (groupKey != null) {
            json.add("group_key", groupKey);
        }
        if (groupName != null) {
            json.add("group_name", groupName);
        }
        if (country != null) {
            json.add("country", country.toUpperCase(Locale.ROOT));
        }
        return json.build();
    }

    /** The keys a start request may have. */
    static final Set<String> REQUEST_KEYS = Set.of("mapping", "has_header", "mode", "group_key", "group_name",
            "country", "check_only");

    /**
     * Settings as a client sent them: {@code mapping} a list of {@code {column (from 0), field, normalize}};
     * {@code has_header}, {@code mode} (new, upload_is_truth, existing_is_truth), {@code group_key} or
     * {@code group_name}, {@code country}. Missing parts take the upload's guess.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    static ImportSettings fromRequest(JsonObject json, List<Column> guessed, boolean headerGuessed,
            String defaultCountry) {
        for (String key : json.keySet()) {
            if (!REQUEST_KEYS.contains(key)) {
                throw new IllegalArgumentException("Unknown field '" + key + "'; the fields are "
                        + String.join(", ", new java.util.TreeSet<>(REQUEST_KEYS)));
            }
        }
        List<Column> mapping = guessed;
        JsonValue given = json.get("mapping");
        if (given != null && given != JsonValue.NULL) {
            if (given.getValueType() != JsonValue.ValueType.ARRAY) {
                throw new IllegalArgumentException("'mapping' must be a list of {column, field, normalize}");
            }
            mapping = new ArrayList<>();
            int i = 0;
            for (JsonValue value : given.asJsonArray()) {
                String where = "mapping[" + i++ + "]";
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new IllegalArgumentException("'" + where + "' must be {column, field, normalize}");
                }
                JsonObject c = value.asJsonObject();
                if (!(c.get("column") instanceof jakarta.json.JsonNumber n) || !n.isIntegral()) {
                    throw new IllegalArgumentException("'" + where + ".column' must be the column's number, from 0");
                }
                JsonValue field = c.get("field");
                if (field == null || field == JsonValue.NULL) {
                    continue; // a column left out
                }
                if (!(field instanceof jakarta.json.JsonString f)) {
                    throw new IllegalArgumentException("'" + where + ".field' must be a contact field's name");
                }
                JsonValue normalise = c.get("normalize");
                if (normalise != null && normalise != JsonValue.NULL
                        && !(normalise instanceof jakarta.json.JsonString)) {
                    throw new IllegalArgumentException("'" + where + ".normalize' must be a normaliser's name");
                }
                mapping.add(new Column(n.intValue(), f.getString(), normalise instanceof jakarta.json.JsonString s
                        ? s.getString()
                        : ""));
            }
        }
        JsonValue header = json.get("has_header");
        if (header != null && header != JsonValue.TRUE && header != JsonValue.FALSE && header != JsonValue.NULL) {
            throw new IllegalArgumentException("'has_header' must be true or false");
        }
        Mode mode = Mode.NEW;
        String modeName = string(json, "mode");
        if (modeName != null) {
            try {
                mode = Mode.valueOf(modeName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'mode' must be new, upload_is_truth or existing_is_truth");
            }
        }
        String country = string(json, "country");
        return new ImportSettings(mapping, header == null || header == JsonValue.NULL
                ? headerGuessed
                : header == JsonValue.TRUE, mode, string(json, "group_key"), string(json, "group_name"),
                country != null ? country : defaultCountry);
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof jakarta.json.JsonString text)) {
            throw new IllegalArgumentException("'" + name + "' must be a string");
        }
        return text.getString().isBlank() ? null : text.getString();
    }

    /** Settings as stored ({@link #json}). */
    static ImportSettings of(JsonObject json) {
        List<Column> mapping = new ArrayList<>();
        for (JsonValue value : json.getJsonArray("mapping")) {
            JsonObject c = value.asJsonObject();
            mapping.add(new Column(c.getInt("column"), c.getString("field"), c.getString("normalize", "")));
        }
        return new ImportSettings(mapping, json.getBoolean("has_header"),
                Mode.valueOf(json.getString("mode").toUpperCase(Locale.ROOT)), json.getString("group_key", null),
                json.getString("group_name", null), json.getString("country", null));
    }

    /** Header names and what each is guessed to be, Vumi Go's names first, then the usual ones. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("msisdn", "msisdn"), Map.entry("phone", "msisdn"), Map.entry("phone number", "msisdn"),
            Map.entry("number", "msisdn"), Map.entry("contact number", "msisdn"), Map.entry("mobile", "msisdn"),
            Map.entry("mobile number", "msisdn"), Map.entry("cell", "msisdn"), Map.entry("cellphone", "msisdn"),
            Map.entry("tel", "msisdn"), Map.entry("telephone", "msisdn"), Map.entry("contact", "msisdn"),
            Map.entry("urn:tel", "msisdn"), Map.entry("name", "name"), Map.entry("first name", "name"),
            Map.entry("firstname", "name"), Map.entry("first", "name"), Map.entry("given name", "name"),
            Map.entry("surname", "surname"), Map.entry("last name", "surname"), Map.entry("lastname", "surname"),
            Map.entry("last", "surname"), Map.entry("family name", "surname"), Map.entry("email", "email_address"),
            Map.entry("email address", "email_address"), Map.entry("e-mail", "email_address"),
            Map.entry("key", "key"), Map.entry("uuid", "key"), Map.entry("dob", "dob"),
            Map.entry("date of birth", "dob"), Map.entry("birthday", "dob"), Map.entry("twitter", "twitter_handle"));
    /** Vumi Go's rule: the first row is a header when one of its cells is one of these. */
    private static final Set<String> HEADER_WORDS = Set.of("phone", "contact", "msisdn", "number", "key");

    /** Whether the first row looks like a header: Vumi Go's words, or any name this knows. */
    static boolean looksLikeHeader(List<String> first) {
        return first.stream().map(Normalisers::headerWord)
                .anyMatch(w -> HEADER_WORDS.contains(w) || ALIASES.containsKey(w)
                        || FIELDS.contains(w.replace(' ', '_')));
    }

    /** The field a column is guessed to be from its header (null: from its values only). */
    static Column guess(int index, String header, String sample) {
        if (header != null) {
            String word = Normalisers.headerWord(header);
            String underscored = word.replace(' ', '_');
            String field = FIELDS.contains(underscored) ? underscored : ALIASES.get(word);
            if (field == null && word.startsWith(EXTRAS)) {
                field = word;
            }
            if (field == null && !word.isEmpty()) {
                String slug = word.replaceAll("[^a-z0-9_.-]+", "_").replaceAll("^_+|_+$", "");
                field = slug.isEmpty() ? null : EXTRAS + (slug.length() > 64 ? slug.substring(0, 64) : slug);
            }
            if (field != null) {
                return new Column(index, field, field.equals("msisdn") ? "msisdn" : "");
            }
        }
        if (sample != null && Normalisers.plainNumber(sample).replaceAll("[\\s+().-]", "").matches("\\d{7,15}")) {
            return new Column(index, "msisdn", "msisdn");
        }
        return null;
    }
}
