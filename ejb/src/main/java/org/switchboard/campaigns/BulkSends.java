package org.switchboard.campaigns;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.routes.Routes;
import org.switchboard.accounts.AccountService;
import org.switchboard.accounts.Ids;
import org.switchboard.channels.Channel;
import org.switchboard.contacts.ContactGroup;
import org.switchboard.contacts.ContactService;
import org.switchboard.conversations.AppConfigs;
import org.switchboard.conversations.Conversation;
import org.switchboard.conversations.ConversationService;
import org.switchboard.engine.AfterCommit;
import org.switchboard.json.JsonStrings;
import org.switchboard.sql.RowValues;

/**
 * Bulk sends of bulk_message conversations (Vumi Go's {@code bulk_send} action), and pushes of jsbox and dialogue apps
 * to a group (its {@code send_jsbox}: "Trigger push messages", "Send Dialogue"): checked and previewed before they
 * start, started now or at a time, paused, resumed and cancelled; {@link BulkRunner} does the sending. Every request is
 * checked whole before anything is stored, and is refused with what is wrong (an unknown group, an empty one, no
 * channel for the delivery class).
 */
@Stateless
public class BulkSends {

    /** The most groups one send may name. */
    static final int MAX_GROUPS = 100;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Routes routes;

    @Inject
    private ContactService contacts;

    @Inject
    private ConversationService conversations;

    @Inject
    private AfterCommit afterCommit;

    @Inject
    private BulkRunner runner;

    /** How long the same text to the same groups needs a confirmation (RapidPro's answer to double sends, PR #1846). */
    @Inject
    @ConfigProperty(name = "switchboard.bulk.repeat-window-minutes", defaultValue = "60")
    long repeatWindowMinutes;

    /**
     * A send as asked for; null fields take the conversation's config ({@code groups}, {@code delivery_class},
     * {@code dedupe}) or the defaults (sms, no dedupe).
     *
     * @param channelId the channel to send on (null: the conversation's channel for the delivery class)
     * @param scheduledFor when to start (null: now)
     * @param confirm send even if the same text went to the same groups within the repeat window
     */
    public record Request(List<String> groups, String content, String deliveryClass, Boolean dedupe,
            String channelId, Instant scheduledFor, boolean confirm) {
    }

    /** The send checked: what it is made of (a push has no content: its app says what to send). */
    private record Checked(Conversation conversation, Channel channel, List<ContactGroup> groups, String content,
            String deliveryClass, boolean dedupe, BulkSend.Kind kind) {
    }

    /**
     * What the send would do, counted over the groups now.
     *
     * @throws IllegalArgumentException saying what is wrong with the request
     */
    public Optional<BulkPreview> preview(String accountId, String conversationId, Request request) {
        return conversations.find(accountId, conversationId).map(conversation -> {
            Checked send = check(conversation, request);
            Choice choice = choose(send.groups(), send.dedupe(), null);
            Segments segments = send.content() == null ? null : Segments.of(send.content());
            int optedOut = optedOut(accountId, choice.addresses);
            int recipients = choice.chosen - optedOut;
            return new BulkPreview(send.channel().getId(), choice.contacts, recipients, choice.noAddress,
                    choice.duplicates, optedOut, segments,
                    segments == null ? 0 : (long) recipients * segments.segments());
        });
    }

    /**
     * A new send of the conversation, to start now or at its time.
     *
     * @throws IllegalArgumentException saying what is wrong with the request
     * @throws BulkConflict when the same send was made within the repeat window and the request does not confirm it
     */
    public Optional<BulkSendView> create(String accountId, String conversationId, Request request) {
        return conversations.find(accountId, conversationId).map(conversation -> {
            Checked send = check(conversation, request);
            long members = send.groups().stream().mapToLong(contacts::countMembers).sum();
            if (members == 0) {
                throw new IllegalArgumentException("The groups " + keys(send.groups())
                        + " have no contacts: there is nobody to send to");
            }
            if (request.scheduledFor() != null && request.scheduledFor().isBefore(Instant.now().minusSeconds(60))) {
                throw new IllegalArgumentException("'scheduled_for' is in the past (" + request.scheduledFor()
                        + "); leave it out to send now");
            }
            List<String> groupKeys = send.groups().stream().map(ContactGroup::getKey).toList();
            String fingerprint = AccountService.Token.hash(send.deliveryClass() + "\n"
                    + String.join(",", new TreeSet<>(groupKeys)) + "\n"
                    + (send.kind() == BulkSend.Kind.TRIGGER ? "app push of " + conversationId : send.content()));
            if (!request.confirm()) {
                repeated(accountId, fingerprint).ifPresent(earlier -> {
                    throw new BulkConflict((send.kind() == BulkSend.Kind.TRIGGER
                            ? "The app was pushed to the same groups at "
                            : "The same text went to the same groups at ") + earlier.getCreatedAt()
                            + " (bulk send " + earlier.getId() + ", " + earlier.getState().name()
                                    .toLowerCase(Locale.ROOT)
                            + "): send again with \"confirm\": true to send it anyway");
                });
            }
            JsonArrayBuilder keys = JSON.createArrayBuilder();
            groupKeys.forEach(keys::add);
            BulkSend bulk = new BulkSend(Ids.ordered(), accountId, conversationId, send.channel().getId(),
                    send.content(), send.deliveryClass(), send.dedupe(), keys.build().toString(), fingerprint,
                    request.scheduledFor() == null || !request.scheduledFor().isAfter(Instant.now())
                            ? null
                            : request.scheduledFor());
            bulk.setKind(send.kind());
            em.persist(bulk);
            afterCommit.run(runner::wake);
            return view(bulk);
        });
    }

    /**
     * Starts a sequential_send conversation's run of a slot of its schedule, once: a bulk send from its config's
     * groups, each recipient getting the message of their place in the sequence ({@link BulkWork}). A run that cannot
     * go (no messages, no groups, an unknown group, no channel) is stored failed, saying why, so the operator sees it
     * among the conversation's sends.
     *
     * @return the run's id; empty when the slot has one already
     */
    public Optional<String> startSequence(Conversation conversation, Instant slot) {
        boolean done = !em.createQuery("select b.id from BulkSend b where b.conversationId = :conv"
                + " and b.sequenceSlot = :slot", String.class).setParameter("conv", conversation.getId())
                .setParameter("slot", slot).setMaxResults(1).getResultList().isEmpty();
        if (done) {
            return Optional.empty();
        }
        AppConfigs.SequentialSend config = AppConfigs.read(conversation, AppConfigs.SequentialSend.class);
        List<String> messages = config.messages() == null ? List.of() : config.messages();
        List<String> keys = config.groups() == null ? List.of() : config.groups();
        String deliveryClass = config.deliveryClass() == null ? "sms" : config.deliveryClass().toLowerCase(Locale.ROOT);
        String problem = messages.isEmpty()
                ? "Its config has no 'messages' to send"
                : keys.isEmpty() ? "Its config names no 'groups' to send to" : null;
        for (String key : keys) {
            if (problem == null && contacts.group(conversation.getAccountId(), key).isEmpty()) {
                problem = "Unknown group '" + key + "' in its config's 'groups'";
            }
        }
        Channel channel = null;
        if (problem == null) {
            try {
                channel = channel(conversation, null, deliveryClass);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        JsonArrayBuilder groupKeys = JSON.createArrayBuilder();
        keys.forEach(groupKeys::add);
        BulkSend bulk = new BulkSend(Ids.ordered(), conversation.getAccountId(), conversation.getId(),
                channel == null ? "-" : channel.getId(), messages.isEmpty() ? "-" : messages.get(0), deliveryClass,
                true, groupKeys.build().toString(), "sequence " + slot, null);
        bulk.setSequenceSlot(slot);
        if (problem != null) {
            bulk.fail("The run of " + slot + " did not start: " + problem);
        }
        em.persist(bulk);
        afterCommit.run(runner::wake);
        return Optional.of(bulk.getId());
    }

    /** A send of the conversation. */
    public Optional<BulkSendView> find(String accountId, String conversationId, String bulkId) {
        return bulk(accountId, conversationId, bulkId).map(this::view);
    }

    /** The conversation's sends, newest first, at most {@code limit}. */
    public List<BulkSendView> list(String accountId, String conversationId, int limit) {
        return em.createQuery("select b from BulkSend b where b.accountId = :account and b.conversationId = :conv"
                + " order by b.createdAt desc", BulkSend.class)
                .setParameter("account", accountId)
                .setParameter("conv", conversationId)
                .setMaxResults(limit)
                .getResultStream()
                .map(this::view)
                .toList();
    }

    /** Pauses a send that is waiting or running; it keeps its place. */
    public Optional<BulkSendView> pause(String accountId, String conversationId, String bulkId) {
        return move(accountId, conversationId, bulkId, BulkSend.State.PAUSED, "pause",
                BulkSend.State.PENDING, BulkSend.State.SCHEDULED, BulkSend.State.RUNNING);
    }

    /** Resumes a paused send from where it stopped. */
    public Optional<BulkSendView> resume(String accountId, String conversationId, String bulkId) {
        return move(accountId, conversationId, bulkId, BulkSend.State.RUNNING, "resume", BulkSend.State.PAUSED);
    }

    /** Stops a send for good; what it stored goes on to the vendor, nothing more is stored. */
    public Optional<BulkSendView> cancel(String accountId, String conversationId, String bulkId) {
        return move(accountId, conversationId, bulkId, BulkSend.State.CANCELLED, "cancel",
                BulkSend.State.PENDING, BulkSend.State.SCHEDULED, BulkSend.State.RUNNING, BulkSend.State.PAUSED);
    }

    private Optional<BulkSendView> move(String accountId, String conversationId, String bulkId, BulkSend.State to,
            String verb, BulkSend.State... from) {
        return bulk(accountId, conversationId, bulkId).map(bulk -> {
            Set<BulkSend.State> allowed = Set.of(from);
            // by SQL, guarded by the state: the runner's batches move the position the same way, never over this
            int moved = em.createNativeQuery("update bulk_send set state = ?1, finished_at = ?2,"
                    + " started_at = coalesce(started_at, ?3) where id = ?4 and state in ("
                    + allowed.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(",")) + ")")
                    .setParameter(1, to.name())
                    .setParameter(2, to.finished() ? Instant.now() : null)
                    .setParameter(3, to == BulkSend.State.RUNNING ? Instant.now() : null)
                    .setParameter(4, bulkId)
                    .executeUpdate();
            if (moved == 0) {
                throw new BulkConflict("Bulk send " + bulkId + " is " + bulk.getState().name().toLowerCase(Locale.ROOT)
                        + ": it cannot " + verb + " (it can from "
                        + allowed.stream().map(s -> s.name().toLowerCase(Locale.ROOT)).sorted()
                                .collect(Collectors.joining(", "))
                        + ")");
            }
            afterCommit.run(runner::wake);
            em.refresh(bulk);
            return view(bulk);
        });
    }

    private Optional<BulkSend> bulk(String accountId, String conversationId, String bulkId) {
        return Optional.ofNullable(em.find(BulkSend.class, bulkId))
                .filter(b -> b.getAccountId().equals(accountId) && b.getConversationId().equals(conversationId));
    }

    private Optional<BulkSend> repeated(String accountId, String fingerprint) {
        return em.createQuery("select b from BulkSend b where b.accountId = :account and b.fingerprint = :f"
                + " and b.createdAt > :since and b.state <> :failed"
                + " and not (b.state = :cancelled and b.accepted = 0) order by b.createdAt desc", BulkSend.class)
                .setParameter("account", accountId)
                .setParameter("f", fingerprint)
                .setParameter("since", Instant.now().minus(Duration.ofMinutes(repeatWindowMinutes)))
                .setParameter("failed", BulkSend.State.FAILED)
                .setParameter("cancelled", BulkSend.State.CANCELLED)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    private Checked check(Conversation conversation, Request request) {
        BulkSend.Kind kind = switch (conversation.getType()) {
            case BULK_MESSAGE -> BulkSend.Kind.MESSAGE;
            case JSBOX, DIALOGUE -> BulkSend.Kind.TRIGGER;
            default -> throw new IllegalArgumentException("Conversation " + conversation.getId() + " is a "
                    + conversation.getType().wireName() + ": a bulk_message conversation sends bulk sends, and a"
                    + " jsbox or a dialogue pushes its app to groups; this one does neither");
        };
        AppConfigs.BulkMessage config = switch (conversation.getType()) {
            case BULK_MESSAGE -> AppConfigs.read(conversation, AppConfigs.BulkMessage.class);
            case DIALOGUE -> {
                AppConfigs.Dialogue dialogue = AppConfigs.read(conversation, AppConfigs.Dialogue.class);
                yield new AppConfigs.BulkMessage(dialogue.groups(), dialogue.deliveryClass(), null);
            }
            default -> new AppConfigs.BulkMessage(null, null, null); // a jsbox's config is its app's
        };
        if (kind == BulkSend.Kind.TRIGGER) {
            if (request.content() != null) {
                throw new IllegalArgumentException("'message' is not taken here: a push of a "
                        + conversation.getType().wireName() + " starts its app for each contact, and the app says"
                        + " what they get");
            }
        } else if (request.content() == null || request.content().isBlank()) {
            throw new IllegalArgumentException("'message' is required: the text to send");
        } else if (request.content().length() > AppConfigs.MAX_TEXT) {
            throw new IllegalArgumentException("'message' must be at most " + AppConfigs.MAX_TEXT + " characters");
        }
        String deliveryClass = (request.deliveryClass() != null
                ? request.deliveryClass()
                : config.deliveryClass() != null ? config.deliveryClass() : "sms").toLowerCase(Locale.ROOT);
        if (!AppConfigs.DELIVERY_CLASSES.contains(deliveryClass)) {
            throw new IllegalArgumentException("'delivery_class' must be sms or ussd");
        }
        List<String> keys = request.groups() != null ? request.groups() : config.groups();
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("'group_keys' is required: the groups to send to (or set 'groups' in"
                    + " the conversation's config)");
        }
        if (keys.size() > MAX_GROUPS) {
            throw new IllegalArgumentException("'group_keys' may name at most " + MAX_GROUPS + " groups");
        }
        List<ContactGroup> groups = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            groups.add(contacts.group(conversation.getAccountId(), key)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown group '" + key + "' in 'group_keys'")));
        }
        Channel channel = channel(conversation, request.channelId(), deliveryClass);
        return new Checked(conversation, channel, groups, request.content(), deliveryClass,
                request.dedupe() != null
                        ? request.dedupe()
                        : kind == BulkSend.Kind.TRIGGER || Boolean.TRUE.equals(config.dedupe()),
                kind); // an app
        // keeps a phone's place by its number: two contacts with one number would start the same session twice
    }

    /**
     * The channel a send goes out on: the one named, or the first of the delivery class that the routing table wires
     * to the conversation (its default endpoint's first).
     */
    private Channel channel(Conversation conversation, String channelId, String deliveryClass) {
        if (channelId != null) {
            Channel channel = em.find(Channel.class, channelId);
            if (channel == null || !channel.getAccountId().equals(conversation.getAccountId())) {
                throw new IllegalArgumentException("Unknown channel '" + channelId + "' in 'channel_id'");
            }
            if (!channel.getTransportType().equalsIgnoreCase(deliveryClass)) {
                throw new IllegalArgumentException("Channel " + channelId + " is an " + channel.getTransportType()
                        + " channel; the send's delivery_class is " + deliveryClass);
            }
            return channel;
        }
        return routes.of(conversation.getAccountId()).channelsOf(conversation.getId()).stream()
                .map(id -> em.find(Channel.class, id))
                .filter(c -> c != null && c.getTransportType().equalsIgnoreCase(deliveryClass))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No " + deliveryClass + " channel is wired to"
                        + " conversation " + conversation.getId() + " in the routing table: route one to it"
                        + " (or bind one, its conversation_id) or name one in 'channel_id'"));
    }

    /** The recipients of groups, chosen as a send chooses them: each contact once, by msisdn. */
    public static final class Choice {
        int contacts;
        int chosen;
        int noAddress;
        int duplicates;
        final List<String> addresses = new ArrayList<>();
    }

    /**
     * Walks the groups' members: each contact once (a contact in two groups is one recipient), those without an
     * msisdn skipped, with dedupe a repeated msisdn skipped; {@code chosen} hears each recipient (null: the addresses
     * are kept in the choice, for a preview).
     */
    public Choice choose(List<ContactGroup> groups, boolean dedupe,
            java.util.function.BiConsumer<String, String> chosen) {
        Choice choice = new Choice();
        Set<String> seen = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (ContactGroup group : groups) {
            contacts.scanMembers(group, 2_000, members -> {
                for (ContactService.Member member : members) {
                    if ((groups.size() > 1 || group.isSmart()) && !seen.add(member.key())) {
                        continue;
                    }
                    choice.contacts++;
                    if (member.msisdn() == null || member.msisdn().isBlank()) {
                        choice.noAddress++;
                    } else if (dedupe && !addresses.add(member.msisdn())) {
                        choice.duplicates++;
                    } else {
                        choice.chosen++;
                        if (chosen == null) {
                            choice.addresses.add(member.msisdn());
                        } else {
                            chosen.accept(member.key(), member.msisdn());
                        }
                    }
                }
            });
        }
        return choice;
    }

    /** How many of the addresses are opted out in the account (by msisdn, as Vumi Go's opt-outs are). */
    public int optedOut(String accountId, List<String> addresses) {
        int count = 0;
        for (int i = 0; i < addresses.size(); i += 500) {
            count += optedOutOf(accountId, addresses.subList(i, Math.min(addresses.size(), i + 500))).size();
        }
        return count;
    }

    /** Those of the addresses that are opted out in the account. */
    public Set<String> optedOutOf(String accountId, List<String> addresses) {
        if (addresses.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> found = RowValues.bind(em.createNativeQuery("select address_value from opt_out where "
                + RowValues.in("account_id, address_type, address_value", addresses.size(), 1)), 1,
                List.of(accountId, ReadyApps.MSISDN), addresses).getResultList();
        return new HashSet<>(found);
    }

    /**
     * A finished send's message counts, once none is queued, read again at most every {@link #FINISHED_COUNTS_FOR}: they
     * change only as late delivery reports come, and counting a send of 100,000 messages (its rows, their reports) on every look at its
     * conversation's page would take seconds. A send under way is counted at each look (its progress is live).
     */
    static final java.time.Duration FINISHED_COUNTS_FOR = java.time.Duration.ofSeconds(30);
    private static final com.github.benmanes.caffeine.cache.Cache<String, long[]> FINISHED_COUNTS = com.github.benmanes.caffeine.cache.Caffeine
            .newBuilder().expireAfterWrite(FINISHED_COUNTS_FOR)
            .maximumSize(10_000).build();

    /** The send's messages queued, sent and failed, and its delivery reports, succeeded and failed. */
    private long[] messageCounts(BulkSend bulk) {
        long[] kept = FINISHED_COUNTS.getIfPresent(bulk.getId());
        if (kept != null) {
            return kept;
        }
        long[] counts = countMessages(bulk.getId());
        if (bulk.getState().finished() && counts[0] == 0) { // nothing still queued for the vendor
            FINISHED_COUNTS.put(bulk.getId(), counts);
        }
        return counts;
    }

    private long[] countMessages(String batchId) {
        Map<String, Long> statuses = new java.util.HashMap<>();
        em.createQuery("select m.status, count(m) from Message m where m.batchId = :batch group by m.status",
                Object[].class)
                .setParameter("batch", batchId)
                .getResultStream()
                .forEach(r -> statuses.put(r[0].toString(), (Long) r[1]));
        Map<String, Long> reports = new java.util.HashMap<>();
        em.createQuery("select e.eventType, count(distinct e.messageId) from MessageEvent e, Message m"
                + " where m.id = e.messageId and m.batchId = :batch and e.eventType in :types group by e.eventType",
                Object[].class)
                .setParameter("batch", batchId)
                .setParameter("types", List.of("delivery_succeeded", "delivery_failed"))
                .getResultStream()
                .forEach(r -> reports.put((String) r[0], (Long) r[1]));
        return new long[]{statuses.getOrDefault("QUEUED", 0L), statuses.getOrDefault("SUBMITTED", 0L),
                statuses.getOrDefault("REJECTED", 0L), reports.getOrDefault("delivery_succeeded", 0L),
                reports.getOrDefault("delivery_failed", 0L)};
    }

    private BulkSendView view(BulkSend bulk) {
        long[] counts = messageCounts(bulk);
        List<String> groups = JsonStrings.value(bulk.getGroupKeys()).asJsonArray().stream()
                .map(v -> ((JsonString) v).getString()).toList();
        return new BulkSendView(bulk.getId(), bulk.getConversationId(), bulk.getChannelId(), bulk.getKind(),
                bulk.getContent(), bulk.getDeliveryClass(), bulk.isDedupe(), groups, bulk.getState(),
                bulk.getScheduledFor(), bulk.getCreatedAt(), bulk.getStartedAt(), bulk.getFinishedAt(),
                bulk.getFailure(), bulk.getContent() == null ? null : Segments.of(bulk.getContent()),
                new BulkSendView.Counts(bulk.getRecipients(), bulk.isRecipientsReady(), bulk.getPosition(),
                        bulk.getSkippedNoAddress(), bulk.getSkippedDuplicate(), bulk.getSkippedOptedOut(),
                        bulk.getAccepted(), counts[0], counts[1], counts[2], counts[3], counts[4]));
    }

    private static List<String> keys(List<ContactGroup> groups) {
        return groups.stream().map(ContactGroup::getKey).toList();
    }
}
