package org.switchboard.contacts.sandbox;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import org.switchboard.contacts.ContactGroup;
import org.switchboard.contacts.ContactService;
import org.switchboard.sandbox.AppScope;
import org.switchboard.sandbox.SandboxResource;
import org.switchboard.sandbox.api.SandboxHost.UnknownCommandException;

/** The {@code groups} resource: the account's static and smart groups, as Vumi Go's GroupsResource gave them. */
@ApplicationScoped
public class GroupsResource implements SandboxResource {

    @Inject
    ContactService contacts;

    @Override
    public String name() {
        return "groups";
    }

    @Override
    public JsonObject handle(String command, JsonObject fields, AppScope app) throws UnknownCommandException {
        String account = app.accountId();
        try {
            switch (command) {
                case "get" :
                    return reply(byKey(fields, account)).build();
                case "get_by_name" : {
                    String name = SandboxResource.required(fields, "name");
                    List<ContactGroup> named = contacts.groupsNamed(account, name);
                    if (named.size() != 1) {
                        throw new IllegalArgumentException(named.isEmpty()
                                ? "Group '" + name + "' not found"
                                : named.size() + " groups are named '" + name + "'");
                    }
                    return reply(named.get(0)).build();
                }
                case "get_or_create_by_name" : {
                    String name = SandboxResource.required(fields, "name");
                    List<ContactGroup> named = contacts.groupsNamed(account, name);
                    if (named.size() > 1) {
                        throw new IllegalArgumentException(named.size() + " groups are named '" + name + "'");
                    }
                    boolean created = named.isEmpty();
                    ContactGroup group = created ? contacts.createGroup(account, name, null) : named.get(0);
                    return reply(group).add("created", created).build();
                }
                case "update" : {
                    ContactGroup group = byKey(fields, account);
                    JsonValue query = fields.get("query");
                    if (query != null && query != JsonValue.NULL && !(query instanceof JsonString)) {
                        throw new IllegalArgumentException("The command needs 'query' as a string or null");
                    }
                    return reply(contacts.updateGroup(group, SandboxResource.required(fields, "name"),
                            query instanceof JsonString text ? text.getString() : null)).build();
                }
                case "count_members" : {
                    ContactGroup group = byKey(fields, account);
                    return reply(group).add("count", contacts.countMembers(group)).build();
                }
                case "list" :
                    return list(contacts.groups(account));
                case "search" :
                    return list(contacts.searchGroups(account, SandboxResource.required(fields, "query")));
                default :
                    throw SandboxResource.unknown(name(), command);
            }
        } catch (ContactService.InvalidQueryException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private ContactGroup byKey(JsonObject fields, String account) {
        String key = SandboxResource.required(fields, "key");
        return contacts.group(account, key)
                .orElseThrow(() -> new IllegalArgumentException("Group '" + key + "' not found"));
    }

    private static JsonObject list(List<ContactGroup> groups) {
        JsonArrayBuilder json = JSON.createArrayBuilder();
        groups.forEach(group -> json.add(ContactService.groupJson(group)));
        return SandboxResource.success().add("groups", json).build();
    }

    private static jakarta.json.JsonObjectBuilder reply(ContactGroup group) {
        return SandboxResource.success().add("group", ContactService.groupJson(group));
    }
}
