package org.switchboard.contacts.faces;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.switchboard.contacts.ContactsApi;
import org.switchboard.ui.Messages;
import org.switchboard.ui.PerRequest;
import org.switchboard.ui.Ui;

/**
 * The account's contacts and groups: the first contacts, or those a Lucene search finds (Vumi Go's search box:
 * {@code name:Ada}, {@code msisdn:+2783*}, {@code extras-city:Durban AND name:A*}); the groups, static and smart; a new
 * contact, and a new group (smart with a query).
 */
@Named
@ViewScoped
public class ContactsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int SHOWN = 100;

    @Inject
    transient ContactsApi contacts;

    @Inject
    Ui ui;

    /** A contact as the list shows it. */
    public record Row(String key, String name, String msisdn, String groups) implements Serializable {
    }

    /** A group as the list shows it. */
    public record Group(String key, String name, String query) implements Serializable {
    }

    private String query;
    private String searched;
    private String exportGroup = "";
    private String groupName;
    private String groupQuery;
    private String newName;
    private String newMsisdn;
    private List<String> newGroups = new ArrayList<>();
    private final PerRequest<List<Group>> groups = new PerRequest<>();

    public void search() {
        searched = query == null || query.isBlank() ? null : query.trim();
    }

    /** The contacts shown: the search's, or the first of the account's. */
    public List<Row> getContacts() {
        String accountId = ui.getSignedIn().accountId();
        Map<String, String> names = getGroups().stream().collect(Collectors.toMap(Group::key, Group::name));
        List<JsonObject> found = searched == null
                ? contacts.contacts(accountId, null, null, null, SHOWN).data()
                : Messages.attempt(() -> contacts.search(accountId, searched, SHOWN));
        return found == null ? List.of() : found.stream().map(c -> row(c, names)).toList();
    }

    private static Row row(JsonObject contact, Map<String, String> groupNames) {
        String name = (text(contact, "name") + " " + text(contact, "surname")).trim();
        String groups = contact.getJsonArray("groups") == null
                ? ""
                : contact.getJsonArray("groups").stream()
                        .map(g -> g instanceof JsonString key
                                ? groupNames.getOrDefault(key.getString(), key.getString())
                                : "")
                        .collect(Collectors.joining(", "));
        return new Row(contact.getString("key"), name, text(contact, "msisdn"), groups);
    }

    private static String text(JsonObject json, String field) {
        JsonValue value = json.get(field);
        return value instanceof JsonString string ? string.getString() : "";
    }

    public List<Group> getGroups() {
        return groups.get(() -> contacts.groups(ui.getSignedIn().accountId()).stream()
                .map(g -> new Group(g.getString("key"), g.getString("name"), text(g, "query")))
                .toList());
    }

    public void createGroup() {
        if (!ui.mayChange()) {
            return;
        }
        String name = groupName;
        String smart = groupQuery == null || groupQuery.isBlank() ? null : groupQuery.trim();
        if (name == null || name.isBlank()) {
            Messages.error("Give the group a name");
            return;
        }
        if (Messages.attempt(() -> contacts.createGroup(ui.getSignedIn().accountId(), name.trim(), smart)) != null) {
            Messages.info("Group " + name.trim() + " made" + (smart == null
                    ? ""
                    : ": its members are those " + smart
                            + " finds"));
            groupName = null;
            groupQuery = null;
            groups.forget();
        }
    }

    public void createContact() {
        if (!ui.mayChange()) {
            return;
        }
        JsonArrayBuilder groups = JSON.createArrayBuilder();
        newGroups.forEach(groups::add);
        var fields = JSON.createObjectBuilder().add("groups", groups);
        if (newName != null && !newName.isBlank()) {
            fields.add("name", newName.trim());
        }
        if (newMsisdn != null && !newMsisdn.isBlank()) {
            fields.add("msisdn", newMsisdn.trim());
        }
        if (Messages.attempt(() -> contacts.create(ui.getSignedIn().accountId(), fields.build())) != null) {
            Messages.info("Contact " + (newName == null ? newMsisdn : newName) + " added");
            newName = null;
            newMsisdn = null;
            newGroups = new ArrayList<>();
        }
    }

    /** The search the list shows (null: none): an export of "the contacts the search finds" takes it. */
    public String getSearched() {
        return searched;
    }

    public String getExportGroup() {
        return exportGroup;
    }

    public void setExportGroup(String exportGroup) {
        this.exportGroup = exportGroup;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public String getGroupQuery() {
        return groupQuery;
    }

    public void setGroupQuery(String groupQuery) {
        this.groupQuery = groupQuery;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewMsisdn() {
        return newMsisdn;
    }

    public void setNewMsisdn(String newMsisdn) {
        this.newMsisdn = newMsisdn;
    }

    public List<String> getNewGroups() {
        return newGroups;
    }

    public void setNewGroups(List<String> newGroups) {
        this.newGroups = newGroups == null ? new ArrayList<>() : new ArrayList<>(newGroups);
    }
}
