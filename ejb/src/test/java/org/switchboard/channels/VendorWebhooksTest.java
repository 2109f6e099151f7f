package org.switchboard.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One rule for the size of what any vendor sends, checked before anything is stored. */
class VendorWebhooksTest {

    private static WebhookResult inbound(String id, String from, String content) {
        return WebhookResult.answer(200, "text/plain", "", List.of(new WebhookResult.Inbound(id, from, "+1555",
                content)), List.of(), List.of());
    }

    @Test
    void whatIsLargerThanThePlatformStoresIsRefusedSayingWhat() {
        assertEquals(Optional.of("the message id has 3000 characters; at most 255 are taken"),
                VendorWebhooks.oversized(inbound("S".repeat(3_000), "+1444", "hi")));
        assertEquals(Optional.of("the message's text has 100000 characters; at most 65535 are taken"),
                VendorWebhooks.oversized(inbound("SM1", "+1444", "x".repeat(100_000))));
        assertEquals(Optional.of("the sender's address has 256 characters; at most 255 are taken"),
                VendorWebhooks.oversized(inbound("SM1", "1".repeat(256), "hi")));
        assertEquals(Optional.empty(), VendorWebhooks.oversized(inbound("S".repeat(255), "+1444",
                "x".repeat(65_535))));
        WebhookResult part = WebhookResult.answer(200, "text/plain", "", List.of(), List.of(new WebhookResult.Part(
                "ref", 2, 1, new WebhookResult.Inbound("id", "+1444", "+1555", "y".repeat(65_536)))), List.of());
        assertEquals(Optional.of("the message's text has 65536 characters; at most 65535 are taken"),
                VendorWebhooks.oversized(part));
    }
}
