package org.switchboard.conversations.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.switchboard.channels.ChannelService;
import org.switchboard.channels.ChannelView;
import org.switchboard.conversations.Conversation;
import org.switchboard.conversations.ConversationChange;
import org.switchboard.conversations.ConversationService;
import org.switchboard.conversations.ConversationView;
import org.switchboard.counts.Counts;
import org.switchboard.counts.MessageCounts;
import org.switchboard.routes.Routes;
import org.switchboard.routes.RoutingTable;
import org.switchboard.ui.Messages;
import org.switchboard.ui.PerRequest;
import org.switchboard.ui.Ui;
import org.switchboard.ui.UiPaths;

/**
 * The account's conversations as Vumi Go listed them: name, type, the channels it is reached on (from the routing
 * table), its interactions (messages in and out over 30 days, from the roll-ups) and links to its messages and
 * reports; and a new conversation of a chosen type (a jsbox starts with a small app to edit).
 */
@Named
@ViewScoped
public class ConversationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The app a new jsbox starts with: it answers each message, so it can be tried on the phone at once. */
    static final String STARTER_APP = """
            // A Vumi Go sandbox app: the platform calls these on each message, event and session.
            api.on_inbound_message = function (command) {
                var msg = command.msg;
                api.log_info('a message from ' + msg.from_addr);
                api.request('outbound.reply_to', {
                    content: 'You said: ' + (msg.content || ''),
                    in_reply_to: msg.message_id,
                    continue_session: false
                }, function (reply) {
                    api.done();
                });
            };
            """;

    @Inject
    transient ConversationService conversations;

    @Inject
    transient ChannelService channels;

    @Inject
    transient Routes routes;

    @Inject
    transient MessageCounts counts;

    @Inject
    Ui ui;

    /** A conversation as the list shows it. */
    public record Row(String id, String name, String type, List<String> channels, long interactions)
            implements
                Serializable {
    }

    private final PerRequest<List<Row>> rows = new PerRequest<>();
    private String name;
    private String type = Conversation.Type.BULK_MESSAGE.wireName();

    public List<Row> getRows() {
        return rows.get(this::readRows);
    }

    private List<Row> readRows() {
        String accountId = ui.getSignedIn().accountId();
        RoutingTable table = routes.of(accountId);
        Map<String, String> addresses = channels.views(accountId).stream()
                .collect(Collectors.toMap(ChannelView::id, ChannelView::address));
        Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        List<Row> list = new ArrayList<>();
        for (ConversationView conversation : conversations.list(accountId, 500)) {
            Counts month = counts.conversation(accountId, conversation.id(), MessageCounts.Size.DAY,
                    tomorrow.minus(Duration.ofDays(30)), tomorrow).total();
            list.add(new Row(conversation.id(), conversation.name(), conversation.type().wireName(),
                    table.channelsOf(conversation.id()).stream().map(id -> addresses.getOrDefault(id, id)).sorted()
                            .toList(),
                    month.sent() + month.received()));
        }
        return list;
    }

    /** The types a person may make here, by their API names. */
    public List<String> getTypes() {
        return Arrays.stream(Conversation.Type.values()).map(Conversation.Type::wireName).toList();
    }

    /** Makes the conversation and opens it (a jsbox's code, a dialogue's poll, another's page). */
    public void create() {
        if (!ui.mayChange()) {
            return;
        }
        if (name == null || name.isBlank()) {
            Messages.error("The conversation needs a name");
            return;
        }
        Conversation.Type chosen = Arrays.stream(Conversation.Type.values()).filter(t -> t.wireName().equals(type))
                .findFirst().orElse(null);
        if (chosen == null) {
            Messages.error("Choose the conversation's type");
            return;
        }
        ConversationChange change = chosen == Conversation.Type.JSBOX
                ? ConversationChange.javascript(STARTER_APP)
                : new ConversationChange(null, null, null, null, null);
        ConversationView made = Messages.attempt(() -> conversations.create(ui.getSignedIn().accountId(), chosen,
                name.strip(), change));
        if (made != null) {
            Messages.info("Conversation " + made.name() + " is made");
            var external = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
            external.getFlash().setKeepMessages(true);
            Ui.redirect(external, opening(chosen) + "?id=" + made.id());
        }
    }

    /** Where a new conversation opens: what it needs next (its code, its poll, its settings) or its page. */
    private static String opening(Conversation.Type type) {
        return switch (type) {
            case JSBOX, STATIC_REPLY, OPT_OUT, SUBSCRIPTION, SEQUENTIAL_SEND -> UiPaths.APP;
            case DIALOGUE -> UiPaths.POLL;
            default -> UiPaths.CONVERSATION;
        };
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
