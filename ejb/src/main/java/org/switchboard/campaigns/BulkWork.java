package org.switchboard.campaigns;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Set;
import org.hibernate.Session;
import org.switchboard.conversations.Conversation;
import org.switchboard.conversations.AppConfigs;
import org.switchboard.accounts.Ids;
import org.switchboard.channels.Channel;
import org.switchboard.contacts.ContactGroup;
import org.switchboard.contacts.ContactService;
import org.switchboard.json.JsonStrings;
import org.switchboard.messages.Message;
import org.switchboard.sandbox.SandboxService;
import org.switchboard.sql.Statistics;

/**
 * The bulk runner's steps, each its own transaction: claiming sends that are due, choosing a send's recipients, and
 * reading its next batch.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BulkWork {

    /** The update that stores a batch: it moves the position only from where the batch was read, while running. */
    static final String STORE_SQL = "update bulk_send set position = ?, accepted = accepted + ?,"
            + " skipped_opted_out = skipped_opted_out + ? where id = ? and position = ? and state = 'RUNNING'";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ContactService contacts;

    @Inject
    private BulkSends sends;

    @Inject
    private SandboxService sandbox;

    /** A batch read: the messages to store (not yet persisted) and where the position goes. */
    public record Batch(String bulkId, String channelId, Double ratePerSecond, List<Message> messages, int from,
            int to, int optedOut, List<Place> places) {
    }

    /** A sequential run's recipient's next place, stored with the batch that carries their message. */
    public record Place(String conversationId, String contactKey, int next) {
    }

    /** Moves a contact's place in a sequence (a row is made for one that has none: {@link #NEW_PLACE_SQL}). */
    static final String PLACE_SQL = "update sequence_position set next_index = ? where conversation_id = ?"
            + " and contact_key = ?";
    static final String NEW_PLACE_SQL = "insert into sequence_position (next_index, conversation_id, contact_key)"
            + " values (?, ?, ?)";

    /** What a send's next step is. */
    public enum Next {
        /** it is not running (paused, cancelled, finished, gone): the runner lets it be */
        STOP,
        /** its recipients are to be chosen */
        CHOOSE,
        /** its batches are to be stored */
        SEND,
        /** its recipients are to be handed to its app, batch by batch (a push of a jsbox or dialogue) */
        PUSH
    }

    /** Starts the sends that wait to start now (those due); returns the ids of all that run. */
    public List<String> startDue(Instant now) {
        em.createNativeQuery("update bulk_send set state = 'RUNNING', started_at = ?1 where state = 'PENDING'"
                + " or (state = 'SCHEDULED' and scheduled_for <= ?1)")
                .setParameter(1, now)
                .executeUpdate();
        return em.createQuery("select b.id from BulkSend b where b.state = :running order by b.createdAt",
                String.class)
                .setParameter("running", BulkSend.State.RUNNING)
                .getResultList();
    }

    /** What the send needs next. */
    public Next next(String bulkId) {
        BulkSend bulk = em.find(BulkSend.class, bulkId);
        if (bulk == null || bulk.getState() != BulkSend.State.RUNNING) {
            return Next.STOP;
        }
        if (!bulk.isRecipientsReady()) {
            return Next.CHOOSE;
        }
        return bulk.getKind() == BulkSend.Kind.TRIGGER ? Next.PUSH : Next.SEND;
    }

    /**
     * Chooses the send's recipients, all in this one transaction (so a crash leaves all of them or none): the groups'
     * contacts as they are now, each once, by msisdn, numbered from 1. Opt-outs are looked at batch by batch as the
     * messages are stored, so one made during the send counts.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void choose(String bulkId) {
        BulkSend bulk = em.find(BulkSend.class, bulkId);
        if (bulk == null || bulk.getState() != BulkSend.State.RUNNING || bulk.isRecipientsReady()) {
            return;
        }
        List<ContactGroup> groups = new ArrayList<>();
        for (var key : JsonStrings.value(bulk.getGroupKeys()).asJsonArray()) {
            contacts.group(bulk.getAccountId(), ((JsonString) key).getString()).ifPresent(groups::add);
        }
        Session session = em.unwrap(Session.class);
        session.doWork(connection -> {
            try (PreparedStatement clear = connection
                    .prepareStatement("delete from bulk_recipient where bulk_id = ?")) {
                clear.setString(1, bulkId);
                clear.executeUpdate();
            }
        });
        int[] seq = {0};
        List<String> sequence = bulk.getSequenceSlot() == null ? null : sequence(bulk);
        int[] done = {0};
        List<String[]> pending = new ArrayList<>();
        BulkSends.Choice choice = sends.choose(groups, bulk.isDedupe(), (key, address) -> {
            pending.add(new String[]{key, address});
            if (pending.size() == 1_000) {
                done[0] += insert(session, bulk, sequence, pending, seq);
            }
        });
        done[0] += insert(session, bulk, sequence, pending, seq);
        bulk.recipientsChosen(choice.chosen - done[0], choice.noAddress, choice.duplicates);
        Statistics.refresh(em, "bulk_recipient");
    }

    /** A sequential_send run's messages, in order (its conversation's config). */
    private List<String> sequence(BulkSend bulk) {
        Conversation conversation = em.find(Conversation.class, bulk.getConversationId());
        List<String> messages = conversation == null
                ? null
                : AppConfigs.read(conversation, AppConfigs.SequentialSend.class).messages();
        return messages == null ? List.of() : messages;
    }

    /**
     * Stores the recipients; for a sequential run, each with the message of its place in the sequence (those who
     * have had every message are left out).
     *
     * @return how many were left out
     */
    private int insert(Session session, BulkSend bulk, List<String> sequence, List<String[]> rows, int[] seq) {
        if (rows.isEmpty()) {
            return 0;
        }
        Map<String, Integer> places = sequence == null
                ? Map.of()
                : places(bulk.getConversationId(), rows.stream().map(r -> r[0]).toList());
        int[] left = {0};
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into bulk_recipient (bulk_id, seq,"
                    + " contact_key, address, content, sequence_index) values (?, ?, ?, ?, ?, ?)")) {
                for (String[] row : rows) {
                    int place = places.getOrDefault(row[0], 0);
                    if (sequence != null && place >= sequence.size()) {
                        left[0]++;
                        continue;
                    }
                    insert.setString(1, bulk.getId());
                    insert.setInt(2, ++seq[0]);
                    insert.setString(3, row[0]);
                    insert.setString(4, row[1]);
                    insert.setString(5, sequence == null ? null : sequence.get(place));
                    if (sequence == null) {
                        insert.setNull(6, java.sql.Types.INTEGER);
                    } else {
                        insert.setInt(6, place);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        rows.clear();
        return left[0];
    }

    /** Moves the contact on in its sequence, in the transaction of {@code em} (the batch's group commit). */
    static void place(EntityManager em, Place place) {
        if (em.createNativeQuery(PLACE_SQL).setParameter(1, place.next()).setParameter(2, place.conversationId())
                .setParameter(3, place.contactKey()).executeUpdate() == 0) {
            em.createNativeQuery(NEW_PLACE_SQL).setParameter(1, place.next()).setParameter(2, place.conversationId())
                    .setParameter(3, place.contactKey()).executeUpdate();
        }
    }

    /** Where the contacts are in the conversation's sequence: the index of the message each gets next. */
    @SuppressWarnings("unchecked")
    private Map<String, Integer> places(String conversationId, List<String> keys) {
        Map<String, Integer> places = new HashMap<>();
        em.createNativeQuery("select contact_key, next_index from sequence_position where conversation_id = ?1"
                + " and contact_key in (?2)")
                .setParameter(1, conversationId)
                .setParameter(2, keys)
                .getResultStream()
                .forEach(r -> places.put((String) ((Object[]) r)[0], ((Number) ((Object[]) r)[1]).intValue()));
        return places;
    }

    /**
     * The send's next batch of at most {@code most} recipients (fewer on a slow channel: {@link BulkRunner#ahead}) after
     * {@code after} (null: its stored position; a runner reads the next batch while the one before commits), as
     * messages to store (opted-out
     * addresses left out and counted); an empty batch when none are left. Null when the send is not running, or its
     * channel is gone (it is failed then, saying so).
     */
    public Batch nextBatch(String bulkId, int most, int laneCapacity, Integer after) {
        BulkSend bulk = em.find(BulkSend.class, bulkId);
        if (bulk == null || bulk.getState() != BulkSend.State.RUNNING || !bulk.isRecipientsReady()) {
            return null;
        }
        Channel channel = em.find(Channel.class, bulk.getChannelId());
        if (channel == null) {
            bulk.fail("Its channel " + bulk.getChannelId() + " was deleted; " + bulk.getAccepted()
                    + " messages were sent before");
            return null;
        }
        int size = Math.min(most, BulkRunner.ahead(channel.getRatePerSecond(), laneCapacity));
        int from = after == null ? bulk.getPosition() : after;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select seq, address, content, contact_key, sequence_index"
                + " from bulk_recipient where bulk_id = ?1 and seq > ?2 order by bulk_id, seq") // the key's order: H2
                // reads a batch's rows off the key then, instead of sorting every row after the position each time
                .setParameter(1, bulkId)
                .setParameter(2, from)
                .setMaxResults(size)
                .getResultList();
        if (rows.isEmpty()) {
            return new Batch(bulkId, channel.getId(), channel.getRatePerSecond(), List.of(), from, from, 0, List.of());
        }
        Set<String> optedOut = sends.optedOutOf(bulk.getAccountId(), rows.stream().map(r -> (String) r[1]).toList());
        List<Message> messages = new ArrayList<>(rows.size());
        List<Place> places = new ArrayList<>();
        for (Object[] row : rows) {
            String address = (String) row[1];
            if (optedOut.contains(address)) {
                continue;
            }
            if (bulk.getKind() == BulkSend.Kind.TRIGGER) {
                messages.add(trigger(bulk, channel, ((Number) row[0]).intValue(), address));
                continue;
            }
            Message message = new Message(Ids.ordered(), bulk.getAccountId(), channel.getId(),
                    Message.Direction.OUTBOUND, Message.Status.QUEUED);
            message.setToAddr(address);
            message.setFromAddr(channel.getAddress());
            message.setContent(row[2] != null ? (String) row[2] : bulk.getContent());
            if (row[4] != null) {
                places.add(new Place(bulk.getConversationId(), (String) row[3], ((Number) row[4]).intValue() + 1));
            }
            message.setConversationId(bulk.getConversationId());
            message.setTransportType(channel.getTransportType());
            message.setSessionEvent("ussd".equalsIgnoreCase(bulk.getDeliveryClass()) ? "new" : null);
            message.setBatchId(bulkId);
            messages.add(message);
        }
        int last = ((Number) rows.get(rows.size() - 1)[0]).intValue();
        return new Batch(bulkId, channel.getId(), channel.getRatePerSecond(), messages, from, last,
                rows.size() - messages.size(), places);
    }

    /**
     * A push's trigger for its recipient number {@code seq}: a message from them to the channel with no content that
     * starts a session (Vumi Go's inbound push trigger). Its id is the send's and the number's, the same each time the
     * batch is read, so an app whose invocation could not be stored is not run for it again after a retry.
     */
    private static Message trigger(BulkSend bulk, Channel channel, int seq, String address) {
        Message trigger = new Message(bulk.getId() + "-" + seq, bulk.getAccountId(), channel.getId(),
                Message.Direction.INBOUND, Message.Status.RECEIVED);
        trigger.setFromAddr(address);
        trigger.setToAddr(channel.getAddress());
        trigger.setConversationId(bulk.getConversationId());
        trigger.setTransportType(channel.getTransportType());
        trigger.setSessionEvent("new");
        trigger.setBatchId(bulk.getId());
        trigger.setPushTrigger(true);
        return trigger;
    }

    /**
     * Hands a push's batch to its app, each recipient's trigger in turn, and moves the position past the batch, all in
     * this one transaction: what the apps did (their messages, their state) commits with the position, so after a
     * crash nobody is pushed twice. An app that fails for one recipient is logged in its log and the push goes on; a
     * sandbox with no room rolls the batch back, to be tried again.
     *
     * @return false when the send stopped meanwhile (paused, cancelled): nothing of the batch is done
     */
    public boolean push(Batch batch) {
        int moved = em.createNativeQuery(STORE_SQL)
                .setParameter(1, batch.to())
                .setParameter(2, batch.messages().size())
                .setParameter(3, batch.optedOut())
                .setParameter(4, batch.bulkId())
                .setParameter(5, batch.from())
                .executeUpdate();
        if (moved != 1) {
            return false;
        }
        BulkSend bulk = em.find(BulkSend.class, batch.bulkId());
        Conversation conversation = em.find(Conversation.class, bulk.getConversationId());
        if (conversation == null) {
            em.refresh(bulk);
            bulk.fail("Its conversation " + bulk.getConversationId() + " was deleted; " + bulk.getAccepted()
                    + " contacts were pushed before");
            return false;
        }
        batch.messages().forEach(trigger -> sandbox.inboundMessage(conversation, trigger));
        return true;
    }

    /** Marks the send completed: every recipient's message is stored. */
    public void complete(String bulkId) {
        em.createNativeQuery("update bulk_send set state = 'COMPLETED', finished_at = ?1 where id = ?2"
                + " and state = 'RUNNING'")
                .setParameter(1, Instant.now())
                .setParameter(2, bulkId)
                .executeUpdate();
        Statistics.refresh(em, "message", "message_event"); // the send's rows, for its counts and exports
    }

    /** Marks the send failed, saying why (a step that cannot succeed however often it is tried). */
    public void fail(String bulkId, String why) {
        BulkSend bulk = em.find(BulkSend.class, bulkId);
        if (bulk != null && !bulk.getState().finished()) {
            bulk.fail(why);
        }
    }
}
