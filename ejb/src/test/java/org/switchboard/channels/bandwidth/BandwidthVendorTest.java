package org.switchboard.channels.bandwidth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.VendorConfig;
import org.switchboard.channels.VendorHttp;
import org.switchboard.channels.VendorTests;
import org.switchboard.channels.Webhook;
import org.switchboard.channels.WebhookResult;
import org.switchboard.engine.EventRecorder.DeliveryStatus;
import org.switchboard.engine.SendResult;

@WireMockTest
class BandwidthVendorTest {

    private final BandwidthVendor bandwidth = new BandwidthVendor(VendorTests.http());

    private static VendorConfig config(WireMockRuntimeInfo wm) {
        return VendorTests.config("bandwidth", "{\"account_id\":\"9900000\",\"username\":\"api-user\","
                + "\"password\":\"api-pass\",\"application_id\":\"93de2206-9669-4e07-948d-329f4b722ee2\","
                + "\"callback_password\":\"cb-pass\",\"api_base_url\":\"" + wm.getHttpBaseUrl() + "\"}");
    }

    @Test
    void sendsTheJsonBandwidthDocuments(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(post("/api/v2/users/9900000/messages").willReturn(aResponse().withStatus(202)
                .withBody("{\"id\":\"1589228074636lm4k2je7j7jklbn2\",\"owner\":\"+15550001111\","
                        + "\"applicationId\":\"93de2206-9669-4e07-948d-329f4b722ee2\",\"time\":"
                        + "\"2020-05-11T20:14:34.636Z\",\"segmentCount\":1,\"direction\":\"out\",\"to\":"
                        + "[\"+15557654321\"],\"from\":\"+15550001111\",\"text\":\"Hello\",\"tag\":\"msg-1\"}")));
        SendResult result = bandwidth.send(config(wm), VendorTests.channel("bandwidth", "+15550001111"),
                VendorTests.message("+15557654321", "+15550001111", "Hello")).toCompletableFuture().join();
        assertEquals("1589228074636lm4k2je7j7jklbn2", result.vendorMessageId());
        wm.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/api/v2/users/9900000/messages"))
                .withHeader("Authorization", equalTo(VendorHttp.basic("api-user", "api-pass")))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"applicationId\":\"93de2206-9669-4e07-948d-329f4b722ee2\","
                        + "\"to\":[\"+15557654321\"],\"from\":\"+15550001111\",\"text\":\"Hello\","
                        + "\"tag\":\"msg-1\"}")));
    }

    @Test
    void refusalsAndThrottling(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(post("/api/v2/users/9900000/messages").willReturn(aResponse().withStatus(400)
                .withBody("{\"type\":\"request-validation\",\"description\":\"Your request could not be accepted\"}")));
        SendResult refused = send(wm);
        assertEquals(SendResult.Kind.REFUSED, refused.kind());
        assertEquals("request-validation", refused.error().code());
        wm.getWireMock().register(post("/api/v2/users/9900000/messages").willReturn(aResponse().withStatus(429)
                .withBody("{\"type\":\"rate-limit\",\"description\":\"Too many\"}")));
        assertEquals(SendResult.Kind.RETRY, send(wm).kind());
    }

    private SendResult send(WireMockRuntimeInfo wm) {
        return bandwidth.send(config(wm), VendorTests.channel("bandwidth", "+15550001111"),
                VendorTests.message("+15557654321", null, "x")).toCompletableFuture().join();
    }

    /** The callbacks of Bandwidth's docs: received, delivered and failed (4720), as one JSON array. */
    @Test
    void callbacksAreCheckedAndRead(WireMockRuntimeInfo wm) {
        String body = """
                [{"type":"message-received","time":"2016-09-14T18:20:16Z","description":"Incoming message received",
                  "to":"+15550001111","message":{"id":"14762070468292kw2fuqty55yp2b2","time":"2016-09-14T18:20:16Z",
                  "to":["+15550001111"],"from":"+15557654321","text":"Hey, check this out!",
                  "applicationId":"93de2206-9669-4e07-948d-329f4b722ee2","owner":"+15550001111",
                  "direction":"in","segmentCount":1}},
                 {"type":"message-delivered","time":"2016-09-14T18:20:17Z","description":"ok","to":"+15557654321",
                  "message":{"id":"1589228074636lm4k2je7j7jklbn2","to":["+15557654321"],"from":"+15550001111",
                  "text":"","tag":"msg-1","direction":"out","segmentCount":1}},
                 {"type":"message-failed","time":"2016-09-14T18:20:17Z","description":"rejected-unallocated-to-number",
                  "to":"+15557654322","errorCode":4720,"message":{"id":"1589228074636lm4k2je7j7jklbn3",
                  "to":["+15557654322"],"from":"+15550001111","text":"","tag":"msg-2","direction":"out"}}]""";
        WebhookResult read = bandwidth.webhook(config(wm), VendorTests.channel("bandwidth", "+15550001111"),
                callback(body, VendorHttp.basic("bandwidth.com", "cb-pass")));
        assertEquals(200, read.status());
        assertEquals(List.of(new WebhookResult.Inbound("14762070468292kw2fuqty55yp2b2", "+15557654321",
                "+15550001111", "Hey, check this out!")), read.inbound());
        assertEquals(DeliveryStatus.DELIVERED, read.reports().get(0).status());
        assertEquals("msg-1", read.reports().get(0).messageId());
        WebhookResult.Report failed = read.reports().get(1);
        assertEquals(DeliveryStatus.FAILED, failed.status());
        assertEquals("4720", failed.error().code());
        assertEquals("rejected-unallocated-to-number", failed.error().description());

        assertEquals(403, bandwidth.webhook(config(wm), VendorTests.channel("bandwidth", "+15550001111"),
                callback(body, VendorHttp.basic("bandwidth.com", "guess"))).status());
        assertEquals(403, bandwidth.webhook(config(wm), VendorTests.channel("bandwidth", "+15550001111"),
                callback(body, null)).status());
        assertTrue(bandwidth.webhook(config(wm), VendorTests.channel("bandwidth", "+15550001111"),
                callback("{\"not\":\"a list\"}", VendorHttp.basic("bandwidth.com", "cb-pass"))).refused());
    }

    private static Webhook callback(String body, String authorization) {
        return new Webhook("", "POST", "https://x/vendors/bandwidth/ch-1",
                authorization == null ? Map.of() : Map.of("authorization", List.of(authorization)), Map.of(),
                body.getBytes(StandardCharsets.UTF_8), "application/json");
    }
}
