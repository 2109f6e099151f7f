package org.switchboard.contacts;

import static org.switchboard.json.Jsonp.JSON;

import org.switchboard.sql.RowValues;
import org.switchboard.validation.Checks;
import jakarta.ejb.Stateless;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.query.SearchScroll;
import org.hibernate.search.engine.search.query.SearchScrollResult;
import org.hibernate.search.engine.search.query.dsl.SearchQueryOptionsStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.SearchException;
import org.switchboard.accounts.Ids;
import org.switchboard.json.JsonStrings;

/**
 * Keeps an account's contacts and groups and finds them with Lucene queries, never across accounts. Shared by the
 * sandbox's {@code contacts} and {@code groups} resources and the REST APIs.
 */
@Stateless
public class ContactService {

    /** Most contacts one search returns when the caller does not say. */
    public static final int DEFAULT_MAX = 100;
    /** Most keys a search gives an app, whatever it asks for. */
    public static final int MAX_KEYS = 10_000;

    private static final List<String> SEARCHABLE = List.of(Contact.SEARCHABLE_FIELDS);
    /** A field name before a colon, outside quotes and escapes: {@code name:} in {@code name:"My Name"}. */
    private static final Pattern FIELD = Pattern.compile("(?<![\\\\\\w\"-])([A-Za-z_][A-Za-z0-9_.-]*)\\s*:");

    @PersistenceContext
    private EntityManager em;

    public Contact create(String accountId, Consumer<Contact> fields) {
        Contact contact = new Contact(Ids.hex(), accountId);
        fields.accept(contact);
        em.persist(Checks.valid(contact));
        return contact;
    }

    /** A new contact from Vumi Go contact JSON; platform fields in it (key, created_at) are ignored. */
    public Contact create(String accountId, JsonObject fields) {
        Contact contact = new Contact(Ids.hex(), accountId);
        ContactJson.apply(contact, fields);
        setGroups(contact, fields.get("groups"));
        em.persist(Checks.valid(contact));
        return contact;
    }

    public Optional<Contact> byKey(String accountId, String key) {
        Contact contact = key == null ? null : em.find(Contact.class, key);
        return contact == null || !contact.getAccountId().equals(accountId) ? Optional.empty() : Optional.of(contact);
    }

    /** The contact with this address for the delivery class ({@code sms} and {@code ussd} look at msisdn). */
    public Optional<Contact> byAddress(String accountId, String deliveryClass, String addr) {
        String property = ContactJson.addressProperty(deliveryClass);
        return em.createQuery("select c from Contact c where c.accountId = :account and c." + property
                + " = :addr order by c.createdAt", Contact.class)
                .setParameter("account", accountId)
                .setParameter("addr", addr)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The contact with this address, made with only the address if there was none. */
    public Contact getOrCreate(String accountId, String deliveryClass, String addr, boolean[] created) {
        Optional<Contact> found = byAddress(accountId, deliveryClass, addr);
        created[0] = found.isEmpty();
        return found.orElseGet(() -> create(accountId, c -> ContactJson.setAddress(c, deliveryClass, addr)));
    }

    /**
     * A page of the account's contacts in key order: those after {@code cursor} (null: from the start), at most
     * {@code limit}. The last key of a full page is the next page's cursor.
     */
    public List<Contact> page(String accountId, String cursor, int limit) {
        return em.createQuery("select c from Contact c where c.accountId = :account and c.key > :cursor"
                + " order by c.key", Contact.class)
                .setParameter("account", accountId)
                .setParameter("cursor", cursor == null ? "" : cursor)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The account's contacts whose field (Vumi Go's name: msisdn, name, ...) is exactly the value, in key order. */
    public List<Contact> byField(String accountId, String field, String value, String cursor, int limit) {
        String property = ContactJson.property(field);
        return em.createQuery("select c from Contact c where c.accountId = :account and c." + property
                + " = :value and c.key > :cursor order by c.key", Contact.class)
                .setParameter("account", accountId)
                .setParameter("value", value)
                .setParameter("cursor", cursor == null ? "" : cursor)
                .setMaxResults(limit)
                .getResultList();
    }

    /** A page of a group's members in key order (a smart group's: the contacts its query matches). */
    public List<Contact> members(ContactGroup group, String cursor, int limit) {
        String after = cursor == null ? "" : cursor;
        if (group.isSmart()) {
            return search(group.getAccountId(), group.getQuery(), MAX_KEYS).stream()
                    .filter(c -> c.getKey().compareTo(after) > 0)
                    .sorted(java.util.Comparator.comparing(Contact::getKey))
                    .limit(limit)
                    .toList();
        }
        List<String> keys = memberPage(group, after, limit).rows().stream().map(r -> (String) r[0]).toList();
        return keys.isEmpty()
                ? List.of()
                : em.createQuery("select c from Contact c where c.accountId = :account and c.key in :keys"
                        + " order by c.key", Contact.class)
                        .setParameter("account", group.getAccountId())
                        .setParameter("keys", keys)
                        .getResultList();
    }

    /**
     * A page of a static group's members after {@code after} in key order: their keys and msisdns. The group's rows
     * are read first, off the index contact_group_group, then their contacts by key: in one join H2 may start from
     * the account's every contact (measured: each page of a 100,000-member group read them all).
     */
    @SuppressWarnings("unchecked")
    private MemberPage memberPage(ContactGroup group, String after, int limit) {
        List<String> keys = em.createNativeQuery("select contact_key from contact_group where group_key = ?1"
                + " and contact_key > ?2 order by group_key, contact_key")
                .setParameter(1, group.getKey())
                .setParameter(2, after)
                .setMaxResults(limit)
                .getResultList();
        if (keys.isEmpty()) {
            return new MemberPage(List.of(), null);
        }
        return new MemberPage(em.createNativeQuery("select contact_key, msisdn from contact where contact_key in (?1)"
                + " and account_id = ?2 order by contact_key")
                .setParameter(1, keys)
                .setParameter(2, group.getAccountId())
                .getResultList(), keys.get(keys.size() - 1));
    }

    /** A page of members (key, msisdn), and the group's last key it read: the next page's cursor, null at the end. */
    private record MemberPage(List<Object[]> rows, String last) {
    }

    /**
     * A row of an import as the contact it becomes: its key (to match, or null), its msisdn, its fields under Vumi Go's
     * names and its extras.
     */
    public record ImportedRow(int row, String key, String msisdn, Map<String, String> fields,
            Map<String, String> extras) {
    }

    /** How an imported row meets the contact it matches: Vumi Go's upload_is_truth and existing_is_truth. */
    public enum Merge {
        /** the file's values win (extras merged, the file's over the old) */
        UPLOAD_IS_TRUTH,
        /** the contact's values win: the file fills only what is empty (extras merged, the old over the file's) */
        EXISTING_IS_TRUTH
    }

    /**
     * Writes imported rows in the caller's transaction: with {@code merge} null each is a new contact; else a row
     * updates the contact it matches (by key when it has one, else by msisdn) and makes one when none does. Every
     * contact written joins the group, when one is given.
     *
     * @return how many were created and how many updated
     */
    public int[] importRows(String accountId, List<ImportedRow> rows, Merge merge, String groupKey) {
        Map<String, Contact> byKey = new java.util.HashMap<>();
        Map<String, Contact> byMsisdn = new java.util.HashMap<>();
        if (merge != null) {
            List<String> keys = rows.stream().map(ImportedRow::key).filter(k -> k != null).toList();
            if (!keys.isEmpty()) {
                em.createQuery("select c from Contact c where c.accountId = :account and c.key in :keys", Contact.class)
                        .setParameter("account", accountId).setParameter("keys", keys)
                        .getResultStream().forEach(c -> byKey.put(c.getKey(), c));
            }
            List<String> msisdns = rows.stream().filter(r -> r.key() == null).map(ImportedRow::msisdn)
                    .filter(m -> m != null).toList();
            if (!msisdns.isEmpty()) {
                @SuppressWarnings("unchecked")
                List<String> found = RowValues.bind(em.createNativeQuery("select contact_key from contact where "
                        + RowValues.in("account_id, msisdn", msisdns.size(), 1)), 1, List.of(accountId), msisdns)
                        .getResultList();
                if (!found.isEmpty()) {
                    em.createQuery("select c from Contact c where c.accountId = :account and c.key in :keys"
                            + " order by c.createdAt desc", Contact.class)
                            .setParameter("account", accountId).setParameter("keys", found)
                            .getResultStream().forEach(c -> byMsisdn.put(c.getMsisdn(), c)); // the oldest wins
                }
            }
        }
        int created = 0;
        int updated = 0;
        for (ImportedRow row : rows) {
            Contact contact = row.key() != null ? byKey.get(row.key()) : byMsisdn.get(row.msisdn());
            JsonObjectBuilder fields = JSON.createObjectBuilder();
            if (contact == null) {
                contact = new Contact(Ids.hex(), accountId);
                row.fields().forEach(fields::add);
                if (row.msisdn() != null) {
                    fields.add("msisdn", row.msisdn());
                }
                ContactJson.apply(contact, fields.build());
                if (!row.extras().isEmpty()) {
                    JsonObjectBuilder extras = JSON.createObjectBuilder();
                    row.extras().forEach(extras::add);
                    contact.setExtra(extras.build().toString());
                }
                if (groupKey != null) {
                    contact.getGroups().add(groupKey);
                }
                em.persist(Checks.valid(contact));
                created++;
                continue;
            }
            JsonObject current = ContactJson.toJson(contact);
            Map<String, String> values = new java.util.LinkedHashMap<>(row.fields());
            if (row.msisdn() != null) {
                values.put("msisdn", row.msisdn());
            }
            for (Map.Entry<String, String> value : values.entrySet()) {
                boolean empty = !(current.get(value.getKey()) instanceof JsonString old) || old.getString().isBlank();
                if (merge == Merge.UPLOAD_IS_TRUTH || empty) {
                    fields.add(value.getKey(), value.getValue());
                }
            }
            ContactJson.apply(contact, fields.build());
            if (!row.extras().isEmpty()) {
                JsonObjectBuilder extras = JSON.createObjectBuilder();
                if (merge == Merge.UPLOAD_IS_TRUTH) {
                    extras.addAll(JSON.createObjectBuilder(JsonStrings.object(contact.getExtra())));
                    row.extras().forEach(extras::add);
                } else {
                    row.extras().forEach(extras::add);
                    JsonStrings.object(contact.getExtra()).forEach(extras::add);
                }
                contact.setExtra(extras.build().toString());
            }
            if (groupKey != null) {
                contact.getGroups().add(groupKey);
            }
            Checks.valid(contact);
            updated++;
        }
        return new int[]{created, updated};
    }

    /** A member of a group as a send sees it: the contact's key and its msisdn (null when it has none). */
    public record Member(String key, String msisdn) {
    }

    /**
     * Every member of the group, handed to {@code each} a chunk at a time and never all in memory: a static group's in
     * key order, page by page; a smart group's as its query's hits come (a Lucene scroll).
     */
    public void scanMembers(ContactGroup group, int chunk, Consumer<List<Member>> each) {
        if (group.isSmart()) {
            Set<String> fields = queryFields(group.getQuery());
            try (SearchScroll<String> scroll = Search.session(em).search(Contact.class)
                    .select(f -> f.id(String.class))
                    .where(f -> f.bool()
                            .must(f.match().field("account_id").matching(group.getAccountId()))
                            .must(f.queryString().fields(fields.toArray(String[]::new))
                                    .matching(group.getQuery())
                                    .defaultOperator(BooleanOperator.AND)))
                    .scroll(chunk)) {
                for (SearchScrollResult<String> hits = scroll.next(); hits.hasHits(); hits = scroll.next()) {
                    each.accept(addresses(group.getAccountId(), hits.hits()));
                }
            } catch (SearchException e) {
                throw unreadable("contact", group.getQuery(), e);
            }
            return;
        }
        String after = "";
        while (true) {
            MemberPage page = memberPage(group, after, chunk);
            if (page.last() == null) {
                return;
            }
            each.accept(page.rows().stream().map(r -> new Member((String) r[0], (String) r[1])).toList());
            after = page.last();
        }
    }

    /**
     * The account's contacts a chunk at a time, never all in memory: all of them in key order, a group's members, or
     * those a Lucene query matches (a smart group's way). {@code each} may clear nothing; the caller's transaction
     * holds the chunk.
     *
     * @throws InvalidQueryException when the query does not parse
     */
    public void scanContacts(String accountId, String groupKey, String query, int chunk,
            Consumer<List<Contact>> each) {
        if (groupKey != null || query != null) {
            ContactGroup group = groupKey != null
                    ? group(accountId, groupKey).orElseThrow(() -> new InvalidContactException("Unknown group '"
                            + groupKey + "'"))
                    : transientGroup(accountId, query);
            scanMembers(group, chunk, members -> {
                List<String> keys = members.stream().map(Member::key).toList();
                each.accept(em.createQuery("select c from Contact c where c.accountId = :account and c.key in :keys"
                        + " order by c.key", Contact.class)
                        .setParameter("account", accountId).setParameter("keys", keys).getResultList());
                em.clear();
            });
            return;
        }
        String after = "";
        while (true) {
            List<Contact> page = page(accountId, after, chunk);
            if (page.isEmpty()) {
                return;
            }
            each.accept(page);
            after = page.get(page.size() - 1).getKey();
            em.clear();
        }
    }

    /** A smart group that is not stored: a query to scan by. */
    private static ContactGroup transientGroup(String accountId, String query) {
        ContactGroup group = new ContactGroup(Ids.hex(), accountId, "query");
        group.setQuery(query);
        return group;
    }

    private List<Member> addresses(String accountId, List<String> keys) {
        Map<String, String> msisdns = new java.util.HashMap<>();
        em.createQuery("select c.key, c.msisdn from Contact c where c.accountId = :account and c.key in :keys",
                Object[].class)
                .setParameter("account", accountId)
                .setParameter("keys", keys)
                .getResultStream()
                .forEach(r -> msisdns.put((String) r[0], (String) r[1]));
        return keys.stream().filter(msisdns::containsKey).map(k -> new Member(k, msisdns.get(k))).toList();
    }

    public void delete(Contact contact) {
        em.remove(em.contains(contact) ? contact : em.merge(contact));
    }

    /** Deletes a group; its members stay, without it. */
    public void deleteGroup(ContactGroup group) {
        em.createQuery("select c from Contact c join c.groups g where c.accountId = :account and g = :group",
                Contact.class)
                .setParameter("account", group.getAccountId())
                .setParameter("group", group.getKey())
                .getResultList()
                .forEach(c -> c.getGroups().remove(group.getKey()));
        em.remove(em.contains(group) ? group : em.merge(group));
    }

    /** Changes the given fields of the account's contact with this key (one transaction: found, changed, stored). */
    public Optional<Contact> updateByKey(String accountId, String key, JsonObject fields) {
        return byKey(accountId, key).map(contact -> update(contact, fields));
    }

    /** Renames the account's group with this key and sets its query (null: keeps it). */
    public Optional<ContactGroup> updateGroupByKey(String accountId, String key, String name, String query,
            boolean queryGiven) {
        return group(accountId, key).map(group -> updateGroup(group, name, queryGiven ? query : group.getQuery()));
    }

    /** Changes the given fields; {@code extra} and {@code subscription} are replaced whole when given. */
    public Contact update(Contact contact, JsonObject fields) {
        ContactJson.apply(contact, fields);
        setGroups(contact, fields.get("groups"));
        return Checks.validOrUndo(em, contact);
    }

    /** Saves a whole contact over the stored one: fields it leaves out are cleared. */
    public Contact save(Contact contact, JsonObject fields) {
        ContactJson.clear(contact);
        ContactJson.apply(contact, fields);
        contact.getGroups().clear();
        setGroups(contact, fields.get("groups"));
        return Checks.validOrUndo(em, contact);
    }

    public Contact updateExtras(Contact contact, JsonObject fields) {
        contact.setExtra(ContactJson.merge(contact.getExtra(), "extra", fields));
        return Checks.validOrUndo(em, contact);
    }

    public Contact updateSubscriptions(Contact contact, JsonObject fields) {
        contact.setSubscription(ContactJson.merge(contact.getSubscription(), "subscription", fields));
        return Checks.validOrUndo(em, contact);
    }

    private void setGroups(Contact contact, JsonValue groups) {
        if (groups == null || groups == JsonValue.NULL) {
            return;
        }
        if (!(groups instanceof JsonArray keys)) {
            throw new InvalidContactException("Contact field 'groups' must be a list of group keys");
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (JsonValue key : keys) {
            if (!(key instanceof JsonString text) || group(contact.getAccountId(), text.getString()).isEmpty()) {
                throw new InvalidContactException("Unknown group " + key + " in contact field 'groups'");
            }
            wanted.add(text.getString());
        }
        contact.getGroups().clear();
        contact.getGroups().addAll(wanted);
    }

    /**
     * The account's contacts that match a Lucene query such as {@code name:"My Name"}, {@code surname:Jo*} or
     * {@code extras-colour:red}.
     *
     * @throws InvalidQueryException when the query does not parse or names an unknown field
     */
    public List<Contact> search(String accountId, String query, int max) {
        return searchContacts(accountId, query, search -> search.fetchHits(max));
    }

    /** How many of the account's contacts match a query. */
    public long count(String accountId, String query) {
        return searchContacts(accountId, query, SearchQueryOptionsStep::fetchTotalHitCount);
    }

    private <R> R searchContacts(String accountId, String query,
            Function<SearchQueryOptionsStep<?, Contact, ?, ?, ?>, R> fetch) {
        Set<String> fields = queryFields(query);
        try {
            return fetch.apply(Search.session(em).search(Contact.class)
                    .where(f -> f.bool()
                            .must(f.match().field("account_id").matching(accountId))
                            // a query string may only name the fields it targets: the default ones and those it uses
                            .must(f.queryString().fields(fields.toArray(String[]::new))
                                    .matching(query)
                                    .defaultOperator(BooleanOperator.AND))));
        } catch (SearchException | NullPointerException e) {
            throw unreadable("contact", query, e);
        }
    }

    /** The fields a contact query targets: the default ones and those it names (refused when unknown). */
    private Set<String> queryFields(String query) {
        Set<String> fields = new LinkedHashSet<>(SEARCHABLE);
        fields.addAll(checkFields(query, name -> SEARCHABLE.contains(name) || name.equals("groups")
                || name.startsWith("extras-") || name.startsWith("subscription-"),
                "contacts can be searched by " + SEARCHABLE + ", groups, extras-<name> and subscription-<name>"));
        return fields;
    }

    private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

    /**
     * A query Lucene's parser could not read, said in our words: where it stopped reading, not the parser's message
     * (which names its grammar's tokens and Hibernate Search's codes).
     */
    private static InvalidQueryException unreadable(String what, String query, RuntimeException e) {
        Matcher column = COLUMN.matcher(String.valueOf(e.getMessage()));
        String where = column.find() ? " (it stops making sense at character " + column.group(1) + ")" : "";
        return new InvalidQueryException("Invalid " + what + " query '" + query + "'" + where + ": a query is"
                + " field:value terms joined by AND, OR and NOT, with (brackets) and \"quoted phrases\" closed and"
                + " * or ? inside words");
    }

    /**
     * The fields a query names; refuses an empty query, or one naming a field that {@code known} does not accept.
     */
    private static Set<String> checkFields(String query, Predicate<String> known, String whatIsSearchable) {
        if (query == null || query.isBlank()) {
            throw new InvalidQueryException("The query is empty");
        }
        Set<String> named = new LinkedHashSet<>();
        Matcher field = FIELD.matcher(query);
        while (field.find()) {
            if (!known.test(field.group(1))) {
                throw new InvalidQueryException("Unknown field '" + field.group(1) + "' in query '" + query + "'; "
                        + whatIsSearchable);
            }
            named.add(field.group(1));
        }
        return named;
    }

    // groups

    public Optional<ContactGroup> group(String accountId, String key) {
        ContactGroup group = key == null ? null : em.find(ContactGroup.class, key);
        return group == null || !group.getAccountId().equals(accountId) ? Optional.empty() : Optional.of(group);
    }

    /** The account's groups with exactly this name. */
    public List<ContactGroup> groupsNamed(String accountId, String name) {
        return em.createQuery("select g from ContactGroup g where g.accountId = :account and g.name = :name"
                + " order by g.createdAt", ContactGroup.class)
                .setParameter("account", accountId)
                .setParameter("name", name)
                .getResultList();
    }

    public ContactGroup createGroup(String accountId, String name, String query) {
        if (name == null || name.isBlank()) {
            throw new InvalidContactException("A group needs a name");
        }
        ContactGroup group = new ContactGroup(Ids.hex(), accountId, name);
        setQuery(accountId, group, query);
        em.persist(Checks.valid(group));
        return group;
    }

    /** Renames a group and sets its query: a query makes it a smart group, none a static one. */
    public ContactGroup updateGroup(ContactGroup group, String name, String query) {
        if (name != null && !name.isBlank()) {
            group.setName(name);
        }
        setQuery(group.getAccountId(), group, query);
        return Checks.validOrUndo(em, group);
    }

    private void setQuery(String accountId, ContactGroup group, String query) {
        if (query != null && !query.isBlank()) {
            count(accountId, query); // refuses a query that would not run
        }
        group.setQuery(query == null || query.isBlank() ? null : query);
    }

    public List<ContactGroup> groups(String accountId) {
        return em.createQuery("select g from ContactGroup g where g.accountId = :account order by g.name, g.createdAt",
                ContactGroup.class)
                .setParameter("account", accountId)
                .getResultList();
    }

    /** The account's groups matching a Lucene query over {@code name} and {@code query}. */
    public List<ContactGroup> searchGroups(String accountId, String query) {
        checkFields(query, List.of("name", "query")::contains, "groups can be searched by name and query");
        try {
            return Search.session(em).search(ContactGroup.class)
                    .where(f -> f.bool().must(f.match().field("account_id").matching(accountId))
                            .must(f.queryString().fields("name", "query").matching(query)
                                    .defaultOperator(BooleanOperator.AND)))
                    .fetchHits(MAX_KEYS);
        } catch (SearchException | NullPointerException e) {
            throw unreadable("group", query, e);
        }
    }

    /** Members of a group: for a smart group, the contacts its query matches. */
    public long countMembers(ContactGroup group) {
        if (group.isSmart()) {
            return count(group.getAccountId(), group.getQuery());
        }
        // from the group's rows (index contact_group_group), each checked to be the account's contact by its key
        return ((Number) em.createNativeQuery("select count(*) from contact_group g where g.group_key = ?1 and exists"
                + " (select 1 from contact c where c.contact_key = g.contact_key and c.account_id = ?2)")
                .setParameter(1, group.getKey())
                .setParameter(2, group.getAccountId())
                .getSingleResult()).longValue();
    }

    public static JsonObject groupJson(ContactGroup group) {
        return JSON.createObjectBuilder()
                .add("key", group.getKey())
                .add("name", group.getName())
                .add("query", group.getQuery() == null ? JsonValue.NULL : JSON.createValue(group.getQuery()))
                .add("user_account", group.getAccountId())
                .add("created_at", group.getCreatedAt().toString())
                .add("$VERSION", group.getVersion())
                .build();
    }

    /** A Lucene query that could not be used; the caller's transaction carries on. */
    @jakarta.ejb.ApplicationException(rollback = false)
    public static class InvalidQueryException extends InvalidContactException {
        private static final long serialVersionUID = 1L;

        public InvalidQueryException(String message) {
            super(message);
        }
    }
}
