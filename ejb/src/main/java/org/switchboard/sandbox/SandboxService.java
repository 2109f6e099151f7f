package org.switchboard.sandbox;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.validation.ConstraintViolationException;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.SearchException;
import org.switchboard.conversations.Conversation;
import org.switchboard.engine.EngineStats.Count;
import org.switchboard.engine.EngineStats;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageEvent;
import org.switchboard.messages.VumiJson;
import org.switchboard.sandbox.api.Invocation;
import org.switchboard.sandbox.api.InvocationResult;
import org.switchboard.sandbox.api.SandboxConnection;
import org.switchboard.sandbox.api.SandboxConnectionFactory;

/** Runs jsbox conversations' apps in the sandbox adapter, on the caller's thread and transaction. */
@Stateless
@ConnectionFactoryDefinition(name = SandboxConnectionFactory.JNDI_NAME, interfaceName = "org.switchboard.sandbox.api.SandboxConnectionFactory", resourceAdapter = SandboxService.RESOURCE_ADAPTER, transactionSupport = TransactionSupportLevel.NoTransaction)
public class SandboxService {

    /** The sandbox adapter embedded in this EAR: GlassFish names embedded adapters {@code #<rar module>}. */
    static final String RESOURCE_ADAPTER = "#sandbox-rar";

    private static final Logger LOG = Logger.getLogger(SandboxService.class.getName());

    @Resource(lookup = SandboxConnectionFactory.JNDI_NAME)
    private SandboxConnectionFactory factory;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private EngineStats stats;

    @Inject
    private AppBundles bundles;

    @Inject
    private FailedInvocations failures;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Inject
    private LogResource log;

    @Inject
    @Any
    private Instance<SandboxResource> allResources;

    private Map<String, SandboxResource> resources;

    @Inject
    private EventListeners listeners;

    /** What the sandbox says of an invocation whose context would not stop and was left to run on its own. */
    static final String ABANDONED = "the app's context was abandoned";

    @PostConstruct
    void collectResources() {
        Map<String, SandboxResource> byName = new HashMap<>();
        allResources.forEach(resource -> byName.put(resource.name(), resource));
        resources = Map.copyOf(byName);
    }

    /** Hands an inbound message to the conversation's app, as {@code api.on_inbound_message}. */
    public InvocationResult inboundMessage(Conversation conversation, Message message) {
        String command = JSON.createObjectBuilder()
                .add("cmd", "inbound-message")
                .add("cmd_id", message.getId())
                .add("reply", false)
                .add("msg", VumiJson.userMessage(message))
                .build()
                .toString();
        return run(conversation, message, command, message.getId());
    }

    /**
     * Hands an event of a message the conversation's app sent to the app, as {@code api.on_inbound_event}; events of
     * other conversations' messages are not its business.
     */
    public void inboundEvent(Message message, MessageEvent event) {
        Conversation conversation = message.getConversationId() == null
                ? null
                : em.find(Conversation.class, message.getConversationId());
        if (conversation == null || conversation.getType() != Conversation.Type.JSBOX) {
            return;
        }
        String command = JSON.createObjectBuilder()
                .add("cmd", "inbound-event")
                .add("cmd_id", event.getId())
                .add("reply", false)
                .add("msg", VumiJson.event(event, message))
                .build()
                .toString();
        InvocationResult result = run(conversation, null, command, event.getId());
        if (result.outcome() == InvocationResult.Outcome.NOT_LISTENING) {
            listeners.notListening(conversation.getCodeVersion());
        }
    }

    /**
     * Runs the app for a command, once: what the app did is stored with the caller's transaction; if the platform
     * cannot store it (a database error the resources' checks did not foresee), the transaction is rolled back, the
     * invocation's log lines are kept, and the command is marked so that a redelivery does not run the app again.
     */
    private InvocationResult run(Conversation conversation, Message inbound, String command, String commandId) {
        if (failures.failed(commandId)) {
            LOG.info(() -> "Conversation " + conversation.getId() + ": not running the app again for " + commandId
                    + ", whose invocation the platform could not store");
            return new InvocationResult(InvocationResult.Outcome.FAILED, "Not run again");
        }
        ConversationHost host = new ConversationHost(new AppScope(conversation, inbound), resources, log);
        InvocationResult result;
        try (SandboxConnection connection = factory.getConnection()) {
            result = connection.run(new Invocation(conversation.getId(), bundles.code(conversation), command, host));
            if (result.outcome() == InvocationResult.Outcome.BUSY) {
                // the app did not run: the transaction rolls back and the message or event is routed again later
                stats.count(Count.SANDBOX_BUSY);
                throw new IllegalStateException(result.reason() + "; " + commandId + " will be routed again");
            }
            stats.count(Count.SANDBOX_INVOCATIONS);
            if (result.outcome() == InvocationResult.Outcome.LIMIT_EXCEEDED) {
                stats.count(Count.SANDBOX_LIMITS_EXCEEDED);
                if (result.reason() != null && result.reason().contains(ABANDONED)) {
                    stats.count(Count.SANDBOX_ABANDONED);
                }
            } else if (result.outcome() == InvocationResult.Outcome.FAILED) {
                stats.count(Count.SANDBOX_FAILED);
            }
            LOG.fine(() -> "Conversation " + conversation.getId() + ": " + result);
            log.trimIfDue(conversation.getId());
            em.flush();
        } catch (ResourceException e) {
            throw new IllegalStateException("The sandbox is not available: " + e.getMessage(), e);
        } catch (PersistenceException | ConstraintViolationException e) {
            return notStored(conversation, commandId, host, e);
        }
        if (transactions.getRollbackOnly()) {
            return notStored(conversation, commandId, host, new IllegalStateException("a command of the app failed"));
        }
        indexNow(conversation);
        return result;
    }

    /**
     * Puts the contacts the app wrote into the search index before the commit, not after it: what the app sent leaves
     * after the commit too ({@code AfterCommit} runs before Hibernate's own after-commit work, where the index would
     * otherwise be written), and a phone that answers at once starts an invocation whose search must find them. The
     * rows are flushed and the transaction is not marked for rollback, so the index gets only what is about to commit.
     */
    private void indexNow(Conversation conversation) {
        try {
            Search.session(em).indexingPlan().execute();
        } catch (SearchException e) {
            // as an index write after the commit that fails: the rows are kept, the index catches up on a reindex
            LOG.warning(() -> "Conversation " + conversation.getId() + ": the search index did not take the app's"
                    + " contact changes: " + e.getMessage());
        }
    }

    private InvocationResult notStored(Conversation conversation, String commandId, ConversationHost host,
            RuntimeException e) {
        transactions.setRollbackOnly();
        String reason = rootCause(e);
        LOG.warning(() -> "Conversation " + conversation.getId() + ": the invocation for " + commandId
                + " could not be stored: " + reason);
        failures.record(commandId, conversation.getId(), host.app.logged(), reason);
        return new InvocationResult(InvocationResult.Outcome.FAILED, reason);
    }

    /** The innermost cause's first line: the database's own words, without the statement. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = String.valueOf(root.getMessage());
        int sql = text.indexOf("; SQL statement:");
        text = sql > 0 ? text.substring(0, sql) : text;
        return text.lines().findFirst().orElse(root.getClass().getSimpleName());
    }

    /** A line of an app's log as the APIs show it. */
    public record LogLine(Instant timestamp, String level, String message) {
    }

    /** The newest lines of a conversation's app log, newest first. */
    public List<LogLine> logs(String conversationId, int limit) {
        return em.createNamedQuery("SandboxLogLine.findByConversation", SandboxLogLine.class)
                .setParameter("conversationId", conversationId)
                .setMaxResults(limit)
                .getResultStream()
                .map(line -> new LogLine(line.getTimestamp(), line.getLevel(), line.getMessage()))
                .toList();
    }
}
