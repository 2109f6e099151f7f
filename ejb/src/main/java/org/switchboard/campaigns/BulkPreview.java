package org.switchboard.campaigns;

/**
 * What a bulk send would do, counted before it starts: who it reaches, who it skips and why, and how many SMS that
 * is (RapidPro's broadcast preview; Vumi Go's character counter).
 *
 * @param contacts the groups' contacts, each once
 * @param recipients those a message would go to
 * @param totalSegments SMS in all: recipients times segments per message
 */
public record BulkPreview(String channelId, int contacts, int recipients, int skippedNoAddress, int skippedDuplicate,
        int skippedOptedOut, Segments segments, long totalSegments) {
}
