package org.switchboard.campaigns;

import java.time.Instant;
import java.util.List;

/**
 * A bulk send as the APIs and the UI show it: what it sends to whom, where it stands and its counts. {@code accepted}
 * messages are stored and go on to the vendor at the channel's pace: {@code queued} wait, {@code sent} the vendor
 * took, {@code failed} it refused (or the platform gave up on); {@code delivered} and {@code undelivered} are the
 * vendors' delivery reports (not every channel sends them). A push of an app ({@link BulkSend.Kind#TRIGGER}) has no
 * content and no segments (null): its counts are of the messages its app sent the recipients.
 */
public record BulkSendView(String id, String conversationId, String channelId, BulkSend.Kind kind, String content,
        String deliveryClass, boolean dedupe, List<String> groups, BulkSend.State state, Instant scheduledFor,
        Instant createdAt, Instant startedAt, Instant finishedAt, String failure, Segments segments, Counts counts) {

    /** The counts of a send. */
    public record Counts(int recipients, boolean recipientsReady, int position, int skippedNoAddress,
            int skippedDuplicate, int skippedOptedOut, int accepted, long queued, long sent, long failed,
            long delivered, long undelivered) {

        /** How far the send is, 0 to 100: recipients whose message is stored (or who were skipped) of all. */
        public int percent() {
            if (!recipientsReady) {
                return 0;
            }
            return recipients == 0 ? 100 : (int) Math.min(100, (long) position * 100 / recipients);
        }
    }
}
