package org.switchboard.contacts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The account's contacts and groups as the HTTP APIs give them (go-contacts-api's JSON, {@link ContactJson}): pages
 * by key after a cursor, a contact or group by key, changes, deletes that answer what was deleted, Lucene searches.
 * Everything is within the account; a key of another account's contact is not found.
 */
@ApplicationScoped
public class ContactsApi {

    @Inject
    ContactService contacts;

    /** Contacts after a cursor, and the cursor of the next page (null on the last). */
    public record Page(List<JsonObject> data, String next) {
    }

    /**
     * A page of the account's contacts: all, or those whose {@code field} is {@code value} when a field is given.
     *
     * @throws IllegalArgumentException when the field is not a contact field
     */
    public Page contacts(String accountId, String field, String value, String after, int limit) {
        return page(field == null
                ? contacts.page(accountId, after, limit)
                : contacts.byField(accountId, field, value, after, limit), limit);
    }

    /** A page of the group's members (a smart group's are those its query finds); empty when there is no group. */
    public Optional<Function<String, Page>> members(String accountId, String groupKey, int limit) {
        return contacts.group(accountId, groupKey)
                .map(group -> after -> page(contacts.members(group, after, limit), limit));
    }

    private static Page page(List<Contact> found, int limit) {
        String next = found.size() < limit ? null : found.get(found.size() - 1).getKey();
        return new Page(found.stream().map(ContactJson::toJson).toList(), next);
    }

    /** @throws InvalidContactException naming the field that is wrong */
    public JsonObject create(String accountId, JsonObject fields) {
        return ContactJson.toJson(contacts.create(accountId, fields));
    }

    public Optional<JsonObject> contact(String accountId, String key) {
        return contacts.byKey(accountId, key).map(ContactJson::toJson);
    }

    /** @throws InvalidContactException naming the field that is wrong */
    public Optional<JsonObject> update(String accountId, String key, JsonObject fields) {
        return contacts.updateByKey(accountId, key, fields).map(ContactJson::toJson);
    }

    /** Deletes the contact; answers it as it was. */
    public Optional<JsonObject> delete(String accountId, String key) {
        return contacts.byKey(accountId, key).map(contact -> {
            JsonObject json = ContactJson.toJson(contact);
            contacts.delete(contact);
            return json;
        });
    }

    /**
     * The contacts a Lucene query finds, at most {@code max}.
     *
     * @throws ContactService.InvalidQueryException saying what is wrong with the query
     */
    public List<JsonObject> search(String accountId, String query, int max) {
        return contacts.search(accountId, query, max).stream().map(ContactJson::toJson).toList();
    }

    public List<JsonObject> groups(String accountId) {
        return contacts.groups(accountId).stream().map(ContactService::groupJson).toList();
    }

    /** A new group: static, or smart when it has a query. */
    public JsonObject createGroup(String accountId, String name, String query) {
        return ContactService.groupJson(contacts.createGroup(accountId, name, query));
    }

    public Optional<JsonObject> group(String accountId, String key) {
        return contacts.group(accountId, key).map(ContactService::groupJson);
    }

    /** Changes the group's name (when given) and its query (when {@code queryGiven}; null makes it static). */
    public Optional<JsonObject> updateGroup(String accountId, String key, String name, String query,
            boolean queryGiven) {
        return contacts.updateGroupByKey(accountId, key, name, query, queryGiven).map(ContactService::groupJson);
    }

    /** Deletes the group (its contacts stay); answers it as it was. */
    public Optional<JsonObject> deleteGroup(String accountId, String key) {
        return contacts.group(accountId, key).map(group -> {
            JsonObject json = ContactService.groupJson(group);
            contacts.deleteGroup(group);
            return json;
        });
    }
}
