package org.switchboard.routing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.switchboard.contacts.ContactService;
import org.switchboard.engine.MessageService;
import org.switchboard.messages.Message;

/**
 * What a router does with an inbound message, in the routing transaction, as Vumi Go's routers did
 * ({@code go/routers/<router>/vumi_app.py}): the endpoint it leaves by and the message as it leaves (an app
 * multiplexer forwards a copy), or nothing when the router answered the phone itself (its menu).
 */
@Stateless
public class RouterRuns {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ContactService contacts;

    @Inject
    private MessageService messages;

    /** Where a router sends a message on. */
    public record Forward(String endpoint, Message message) {
    }

    public Optional<Forward> route(Routers.RouterView router, Message message) {
        RouterConfigs.Config config = router.config();
        if (config instanceof RouterConfigs.Keyword keyword) {
            return Optional.of(new Forward(keyword.endpointFor(message.getContent()), message));
        }
        if (config instanceof RouterConfigs.Group group) {
            Set<String> groups = contacts.byAddress(message.getAccountId(), "sms", message.getFromAddr())
                    .map(contact -> contact.getGroups()).orElse(Set.of());
            return Optional.of(new Forward(group.endpointFor(groups), message));
        }
        return multiplexer(router, (RouterConfigs.Multiplexer) config, message);
    }

    /**
     * Vumi Go's app multiplexer: a new session (or none kept) is shown the menu; a choice in range forwards a copy
     * with no content and {@code session_event=new} to its endpoint and keeps that endpoint for the session; a choice
     * out of range is told so; a closed session is forwarded to the chosen app and forgotten; an endpoint the config
     * no longer has ends the session with {@code error_message}.
     */
    private Optional<Forward> multiplexer(Routers.RouterView router, RouterConfigs.Multiplexer config,
            Message message) {
        String address = message.getFromAddr();
        Instant now = Instant.now();
        RouterSession session = em.find(RouterSession.class, new RouterSession.Key(router.id(), address),
                LockModeType.PESSIMISTIC_WRITE);
        if (session != null && session.getExpiresAt().isBefore(now)) {
            em.remove(session);
            em.flush();
            session = null;
        }
        Instant expires = now.plusSeconds(RouterConfigs.SESSION_SECONDS);
        if (session == null || "new".equals(message.getSessionEvent())) {
            boolean made = session == null;
            if (made) {
                session = new RouterSession(router.id(), address);
            }
            Optional<Forward> shown = menu(session, config, message, expires);
            if (made) {
                em.persist(session); // with its state: Hibernate inserts the state it has when persisted
            }
            return shown;
        }
        if ("close".equals(message.getSessionEvent())) {
            em.remove(session);
            return session.getState() == RouterSession.State.SELECTED
                    && config.endpoints().contains(session.getEndpoint())
                            ? Optional.of(new Forward(session.getEndpoint(), message))
                            : Optional.empty();
        }
        if (session.getState() == RouterSession.State.SELECTED) {
            if (!config.endpoints().contains(session.getEndpoint())) {
                return endWithError(session, config, message);
            }
            session.set(RouterSession.State.SELECTED, session.getEndpoint(), expires);
            return Optional.of(new Forward(session.getEndpoint(), message));
        }
        if (session.getState() == RouterSession.State.BAD_INPUT) { // "1) Try Again"
            if (choice(message.getContent(), 1) == 1) {
                return menu(session, config, message, expires);
            }
            return badInput(session, config, message, expires);
        }
        List<String> shown = List.of(session.getEndpoint().split("\n"));
        int choice = choice(message.getContent(), shown.size());
        if (choice < 1) {
            return badInput(session, config, message, expires);
        }
        String endpoint = shown.get(choice - 1);
        if (!config.endpoints().contains(endpoint)) {
            return endWithError(session, config, message);
        }
        session.set(RouterSession.State.SELECTED, endpoint, expires);
        return Optional.of(new Forward(endpoint, message.forwarded(null, "new")));
    }

    /** The menu, its endpoints kept in the order shown (a choice is read against what the phone saw). */
    private Optional<Forward> menu(RouterSession session, RouterConfigs.Multiplexer config, Message message,
            Instant expires) {
        session.set(RouterSession.State.SELECT, String.join("\n", config.entries().stream()
                .map(RouterConfigs.Entry::endpoint).toList()), expires);
        messages.reply(message.getAccountId(), message.getId(), config.menu(), true);
        return Optional.empty();
    }

    private Optional<Forward> badInput(RouterSession session, RouterConfigs.Multiplexer config, Message message,
            Instant expires) {
        session.set(RouterSession.State.BAD_INPUT, session.getEndpoint(), expires);
        messages.reply(message.getAccountId(), message.getId(), config.invalidInputMessage(), true);
        return Optional.empty();
    }

    private Optional<Forward> endWithError(RouterSession session, RouterConfigs.Multiplexer config, Message message) {
        em.remove(session);
        messages.reply(message.getAccountId(), message.getId(), config.errorMessage(), false);
        return Optional.empty();
    }

    /** The menu number the content is, 1 to {@code size}; 0 when it is none. */
    static int choice(String content, int size) {
        try {
            int value = Integer.parseInt(content == null ? "" : content.strip());
            return value >= 1 && value <= size ? value : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
