package org.switchboard.conversations.faces;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.switchboard.campaigns.BulkConflict;
import org.switchboard.campaigns.BulkPreview;
import org.switchboard.campaigns.BulkSendView;
import org.switchboard.campaigns.BulkSends;
import org.switchboard.campaigns.Segments;
import org.switchboard.contacts.ContactsApi;
import org.switchboard.ui.Messages;
import org.switchboard.ui.PerRequest;
import org.switchboard.ui.Ui;

/**
 * A conversation's sends on its page: composing one (the text with a live count of characters and SMS, GSM-7 or
 * UCS-2, as Vumi Go warned; the groups; now or at a time), its preview, and every send's progress to the end, with
 * pause, resume and cancel. A jsbox or dialogue has no text: its send pushes the app to the groups ("Send Dialogue").
 * The same send again within the repeat window asks for a confirmation ({@link BulkConflict}).
 */
@Named
@ViewScoped
public class BulkSendPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient BulkSends sends;

    @Inject
    transient ContactsApi contacts;

    @Inject
    Ui ui;

    private String conversationId;
    private String message;
    private List<String> groups = new ArrayList<>();
    private String deliveryClass = "sms";
    private boolean dedupe = true;
    private LocalDateTime at;
    private String conflict;
    private BulkPreview preview;
    private final PerRequest<List<BulkSendView>> listed = new PerRequest<>();

    public void setConversationId(String conversationId) {
        this.conversationId = conversationId;
    }

    public String getConversationId() {
        return conversationId;
    }

    /** The account's groups to choose from (smart ones say so). */
    public List<SelectItem> getGroupChoices() {
        return contacts.groups(ui.getSignedIn().accountId()).stream()
                .map(g -> new SelectItem(g.getString("key"), g.getString("name")
                        + (g.isNull("query") ? "" : " (smart)")))
                .toList();
    }

    /** The text's count: characters (septets in GSM-7), its encoding and how many SMS. */
    public String getCount() {
        Segments segments = Segments.of(message == null ? "" : message);
        return segments.units() + " characters, " + segments.encoding() + ": " + segments.segments()
                + (segments.segments() == 1 ? " SMS" : " SMS (" + segments.perSegment() + " a part)")
                + (segments.encoding().equals("UCS-2")
                        ? ". A character outside GSM-7 makes every part hold 70 characters, not 160"
                        : "");
    }

    public void preview(boolean push) {
        conflict = null;
        preview = Messages.attempt(() -> sends.preview(ui.getSignedIn().accountId(), conversationId, request(push,
                false)).orElse(null));
    }

    public void send(boolean push, boolean confirm) {
        if (!ui.mayChange()) {
            return;
        }
        conflict = null;
        listed.forget();
        BulkSendView made = Messages.attempt(() -> {
            try {
                return sends.create(ui.getSignedIn().accountId(), conversationId, request(push, confirm)).orElse(null);
            } catch (BulkConflict e) {
                conflict = e.getMessage(); // the page offers to send it anyway
                return null;
            }
        });
        if (made != null) {
            Messages.info((push ? "The push to " : "The send to ") + made.groups().size() + " group"
                    + (made.groups().size() == 1 ? "" : "s") + " is " + made.state().name().toLowerCase(Locale.ROOT));
            message = null;
            preview = null;
            at = null;
        }
    }

    private BulkSends.Request request(boolean push, boolean confirm) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one group to send to");
        }
        return new BulkSends.Request(List.copyOf(groups), push ? null : message, deliveryClass, dedupe, null,
                at == null ? null : at.toInstant(ZoneOffset.UTC), confirm);
    }

    /** The conversation's sends, newest first (read once a request). */
    public List<BulkSendView> getSends() {
        return listed.get(() -> sends.list(ui.getSignedIn().accountId(), conversationId, 20));
    }

    /** Whether a send is under way (the list then refreshes itself). */
    public boolean isActive() {
        return getSends().stream().anyMatch(s -> !s.state().finished());
    }

    public void pause(String bulkId) {
        listed.forget();
        if (ui.mayChange()) {
            Messages.attempt(() -> sends.pause(ui.getSignedIn().accountId(), conversationId, bulkId));
        }
    }

    public void resume(String bulkId) {
        listed.forget();
        if (ui.mayChange()) {
            Messages.attempt(() -> sends.resume(ui.getSignedIn().accountId(), conversationId, bulkId));
        }
    }

    public void cancel(String bulkId) {
        listed.forget();
        if (ui.mayChange()) {
            Messages.attempt(() -> sends.cancel(ui.getSignedIn().accountId(), conversationId, bulkId));
        }
    }

    public static String state(BulkSendView send) {
        return send.state().name().toLowerCase(Locale.ROOT);
    }

    public static String when(Instant at) {
        return at == null ? "" : at.toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z");
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public List<String> getGroups() {
        return groups;
    }

    public void setGroups(List<String> groups) {
        this.groups = groups == null ? new ArrayList<>() : new ArrayList<>(groups);
    }

    public String getDeliveryClass() {
        return deliveryClass;
    }

    public void setDeliveryClass(String deliveryClass) {
        this.deliveryClass = deliveryClass;
    }

    public boolean isDedupe() {
        return dedupe;
    }

    public void setDedupe(boolean dedupe) {
        this.dedupe = dedupe;
    }

    public LocalDateTime getAt() {
        return at;
    }

    public void setAt(LocalDateTime at) {
        this.at = at;
    }

    public String getConflict() {
        return conflict;
    }

    public BulkPreview getPreview() {
        return preview;
    }
}
