package org.switchboard.messages;

import java.time.Duration;

/**
 * An outbound message as an API asked for it. Either {@code to} or {@code replyTo} is set.
 *
 * @param channelData JSON object text, or null
 * @param continueSession false to close the session a reply belongs to
 * @param sessionEvent the session event of a message that is not a reply (null: none)
 * @param rules how the API that took the request treats replies, defaults and events
 */
public record OutboundRequest(String to, String from, String group, String replyTo, String content,
        String eventUrl, String eventAuthToken, String channelData, boolean continueSession, String sessionEvent,
        Rules rules) {

    public OutboundRequest(String to, String from, String group, String replyTo, String content, String eventUrl,
            String eventAuthToken, String channelData, boolean continueSession) {
        this(to, from, group, replyTo, content, eventUrl, eventAuthToken, channelData, continueSession, null,
                Rules.DEFAULT);
    }

    /** The same request under other rules. */
    public OutboundRequest with(Rules newRules) {
        return new OutboundRequest(to, from, group, replyTo, content, eventUrl, eventAuthToken, channelData,
                continueSession, sessionEvent, newRules);
    }

    /**
     * What an API's settings say about a send (vumi2's junebug_message_api settings, Vumi Go's http_api).
     *
     * @param replyWindow how long an inbound message can be replied to (null: for ever)
     * @param expiredRepliesAsNew whether a reply to an inbound message that is unknown or out of its window, with a
     *        {@code to}, is sent as a new message (vumi2's allow_expired_replies)
     * @param defaultFrom the from address of a new message that gives none (null: the channel's address)
     * @param transportType the transport type of a new message (null: the channel's)
     * @param conversationId the conversation that sends (null: the channel's)
     * @param eventShape the format of the events pushed to the event_url
     */
    public record Rules(Duration replyWindow, boolean expiredRepliesAsNew, String defaultFrom, String transportType,
            String conversationId, Message.EventShape eventShape) {

        public static final Rules DEFAULT = new Rules(null, false, null, null, null, Message.EventShape.JUNEBUG);
    }
}
