package org.switchboard.contacts.faces;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.contacts.ContactsApi;
import org.switchboard.ui.Messages;
import org.switchboard.ui.Ui;
import org.switchboard.ui.UiPaths;

/**
 * A contact: Vumi Go's fields, its extras (a name and a value each), its static groups ticked, all changed in one
 * save checked as the contacts API checks it (a refusal names the field), and the contact deleted.
 */
@Named
@ViewScoped
public class ContactPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Vumi Go's contact fields in the order its page showed them, with their labels. */
    static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("name", "Name");
        FIELDS.put("surname", "Surname");
        FIELDS.put("msisdn", "Contact number");
        FIELDS.put("email_address", "Email");
        FIELDS.put("dob", "Date of birth");
        FIELDS.put("twitter_handle", "Twitter handle");
        FIELDS.put("facebook_id", "Facebook id");
        FIELDS.put("bbm_pin", "BBM pin");
        FIELDS.put("gtalk_id", "Google Talk id");
        FIELDS.put("mxit_id", "Mxit id");
        FIELDS.put("wechat_id", "WeChat id");
    }

    @Inject
    transient ContactsApi contacts;

    @Inject
    Ui ui;

    /** One field or extra of the contact, as the form holds it. */
    public static final class Entry implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private final String label;
        private String value;

        Entry(String name, String label, String value) {
            this.name = name;
            this.label = label;
            this.value = value;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getLabel() {
            return label;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }
    }

    private String key;
    private String createdAt;
    private final List<Entry> fields = new ArrayList<>();
    private final List<Entry> extras = new ArrayList<>();
    private List<String> groups = new ArrayList<>();

    /** The view's action: the account's contact, or the contacts page for one it does not have. */
    public void load() {
        JsonObject contact = key == null ? null : contacts.contact(ui.getSignedIn().accountId(), key).orElse(null);
        if (contact == null) {
            ui.notFound("No such contact in " + ui.getSignedIn().accountName());
            return;
        }
        read(contact);
    }

    private void read(JsonObject contact) {
        createdAt = text(contact, "created_at");
        fields.clear();
        FIELDS.forEach((name, label) -> fields.add(new Entry(name, label, text(contact, name))));
        extras.clear();
        if (contact.get("extra") instanceof JsonObject extra) {
            extra.forEach((name, value) -> extras.add(new Entry(name, name, value instanceof JsonString s
                    ? s.getString()
                    : value.toString())));
        }
        groups = new ArrayList<>();
        if (contact.getJsonArray("groups") != null) {
            contact.getJsonArray("groups").forEach(g -> groups.add(((JsonString) g).getString()));
        }
    }

    private static String text(JsonObject json, String field) {
        JsonValue value = json.get(field);
        return value instanceof JsonString string ? string.getString() : null;
    }

    public void addExtra() {
        extras.add(new Entry("", "", ""));
    }

    public void removeExtra(Entry extra) {
        extras.remove(extra);
    }

    /** Stores the fields, extras and groups at once; a refusal names the field and changes nothing. */
    public void save() {
        if (!ui.mayChange()) {
            return;
        }
        JsonObjectBuilder body = JSON.createObjectBuilder();
        for (Entry field : fields) {
            body.add(field.getName(), field.getValue() == null || field.getValue().isBlank()
                    ? JsonValue.NULL
                    : JSON.createValue(field.getValue().strip()));
        }
        JsonObjectBuilder extra = JSON.createObjectBuilder();
        for (Entry entry : extras) {
            String name = entry.getName() == null ? "" : entry.getName().strip();
            if (name.isEmpty()) {
                Messages.error("An extra field has no name");
                return;
            }
            extra.add(name, entry.getValue() == null ? "" : entry.getValue());
        }
        JsonArrayBuilder groupKeys = JSON.createArrayBuilder();
        groups.forEach(groupKeys::add);
        body.add("extra", extra).add("groups", groupKeys);
        JsonObject saved = Messages.attempt(() -> contacts.update(ui.getSignedIn().accountId(), key, body.build())
                .orElse(null));
        if (saved != null) {
            read(saved);
            Messages.info("The contact is saved");
        }
    }

    /** Deletes the contact and goes back to the contacts. */
    public void delete() {
        if (!ui.mayChange()) {
            return;
        }
        if (Messages.attempt(() -> contacts.delete(ui.getSignedIn().accountId(), key).orElse(null)) != null) {
            var external = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
            Messages.info("The contact is deleted");
            external.getFlash().setKeepMessages(true);
            Ui.redirect(external, UiPaths.PREFIX + "/contacts.xhtml");
        }
    }

    /** The contact's name as a title. */
    public String getTitle() {
        String name = fields.stream().filter(f -> f.getName().equals("name") || f.getName().equals("surname"))
                .map(Entry::getValue).filter(v -> v != null && !v.isBlank())
                .reduce((a, b) -> a + " " + b).orElse(null);
        if (name != null) {
            return name;
        }
        return fields.stream().filter(f -> f.getName().equals("msisdn")).map(Entry::getValue)
                .filter(v -> v != null).findFirst().orElse(key);
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public List<Entry> getFields() {
        return fields;
    }

    public List<Entry> getExtras() {
        return extras;
    }

    public List<String> getGroups() {
        return groups;
    }

    public void setGroups(List<String> groups) {
        this.groups = groups == null ? new ArrayList<>() : new ArrayList<>(groups);
    }
}
