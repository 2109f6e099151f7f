package org.switchboard.contacts;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.SearchException;
import org.switchboard.accounts.Ids;

/** Keeps an account's contacts and finds them with Lucene queries, never across accounts. */
@Stateless
public class ContactService {

    /** Most contacts one search returns when the caller does not say. */
    public static final int DEFAULT_MAX = 100;

    private static final List<String> SEARCHABLE = List.of(Contact.SEARCHABLE_FIELDS);
    /** A field name before a colon, outside quotes and escapes: {@code name:} in {@code name:"My Name"}. */
    private static final Pattern FIELD = Pattern.compile("(?<![\\\\\\w\"])([A-Za-z_][A-Za-z0-9_.]*)\\s*:");

    @PersistenceContext
    private EntityManager em;

    public Contact create(String accountId, Consumer<Contact> fields) {
        Contact contact = new Contact(Ids.hex(), accountId);
        fields.accept(contact);
        em.persist(contact);
        return contact;
    }

    /**
     * The account's contacts that match a Lucene query such as {@code name:"My Name"} or {@code surname:Jo*}.
     *
     * @throws InvalidQueryException when the query does not parse or names an unknown field
     */
    public List<Contact> search(String accountId, String query, int max) {
        Matcher field = FIELD.matcher(query);
        while (field.find()) {
            if (!SEARCHABLE.contains(field.group(1))) {
                throw new InvalidQueryException("Unknown field '" + field.group(1) + "' in query '" + query
                        + "'; contacts can be searched by " + SEARCHABLE);
            }
        }
        try {
            return Search.session(em)
                    .search(Contact.class)
                    .where(f -> f.bool()
                            .must(f.match().field("account_id").matching(accountId))
                            .must(f.queryString().fields(Contact.SEARCHABLE_FIELDS)
                                    .matching(query)
                                    .defaultOperator(BooleanOperator.AND)))
                    .fetchHits(max);
        } catch (SearchException | NullPointerException e) {
            throw new InvalidQueryException("Invalid contact query '" + query + "': " + e.getMessage());
        }
    }

    /** A Lucene query that could not be used. */
    @jakarta.ejb.ApplicationException(rollback = true)
    public static class InvalidQueryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidQueryException(String message) {
            super(message);
        }
    }
}
