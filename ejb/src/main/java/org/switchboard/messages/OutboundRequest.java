package org.switchboard.messages;

/**
 * An outbound message as an API asked for it. Either {@code to} or {@code replyTo} is set.
 *
 * @param channelData JSON object text, or null
 * @param continueSession false to close the session a reply belongs to
 */
public record OutboundRequest(String to, String from, String group, String replyTo, String content,
        String eventUrl, String eventAuthToken, String channelData, boolean continueSession) {
}
