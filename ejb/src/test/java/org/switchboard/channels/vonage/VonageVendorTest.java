package org.switchboard.channels.vonage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.VendorConfig;
import org.switchboard.channels.VendorTests;
import org.switchboard.channels.Webhook;
import org.switchboard.channels.WebhookResult;
import org.switchboard.engine.EventRecorder.DeliveryStatus;
import org.switchboard.engine.SendResult;

@WireMockTest
class VonageVendorTest {

    private final VonageVendor vonage = new VonageVendor(VendorTests.http());

    private static VendorConfig config(WireMockRuntimeInfo wm, String more) {
        return VendorTests.config("vonage", "{\"api_key\":\"abcd1234\",\"api_secret\":\"s3cr3t\","
                + "\"api_base_url\":\"" + wm.getHttpBaseUrl() + "\"" + more + "}");
    }

    @Test
    void sendsTheFormVonageDocuments(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(post("/sms/json").willReturn(aResponse().withBody("{\"message-count\":\"1\","
                + "\"messages\":[{\"to\":\"447700900000\",\"message-id\":\"0A0000000123ABCD1\",\"status\":\"0\","
                + "\"remaining-balance\":\"3.14159265\",\"message-price\":\"0.03330000\",\"network\":\"12345\"}]}")));
        SendResult result = send(wm, "Hi ☃");
        assertEquals("0A0000000123ABCD1", result.vendorMessageId());
        wm.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/sms/json")).withRequestBody(equalTo(
                "api_key=abcd1234&api_secret=s3cr3t&from=447700900001&to=447700900000&text=Hi+%E2%98%83"
                        + "&type=unicode&status-report-req=1&callback=https%3A%2F%2Fswitchboard.example.com"
                        + "%2Fvendors%2Fvonage%2Fch-1%2Fstatus&client-ref=msg-1")));
    }

    @Test
    void eachStatusIsAnErrorButZero(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(post("/sms/json").willReturn(aResponse().withBody("{\"message-count\":\"1\","
                + "\"messages\":[{\"status\":\"29\",\"error-text\":\"Non White-listed Destination - rejected\"}]}")));
        SendResult refused = send(wm, "x");
        assertEquals(SendResult.Kind.REFUSED, refused.kind());
        assertEquals("29", refused.error().code());
        assertEquals("Non White-listed Destination - rejected", refused.error().description());
        wm.getWireMock().register(post("/sms/json").willReturn(aResponse().withBody("{\"message-count\":\"1\","
                + "\"messages\":[{\"status\":\"1\",\"error-text\":\"Throttled\"}]}")));
        assertEquals(SendResult.Kind.RETRY, send(wm, "x").kind());
    }

    private SendResult send(WireMockRuntimeInfo wm, String text) {
        return vonage.send(config(wm, ""), VendorTests.channel("vonage", "+447700900001"),
                VendorTests.message("+447700900000", "+447700900001", text)).toCompletableFuture().join();
    }

    @Test
    void deliveryReceiptsAndSignedInbound(WireMockRuntimeInfo wm) {
        Map<String, String> dlr = new LinkedHashMap<>(Map.of("msisdn", "447700900000", "to", "447700900001",
                "network-code", "23410", "messageId", "0A0000000123ABCD1", "price", "0.03330000", "status",
                "failed", "scts", "2001011400", "err-code", "6", "client-ref", "msg-1",
                "message-timestamp", "2020-01-01 12:00:00"));
        WebhookResult failed = vonage.webhook(config(wm, ""), VendorTests.channel("vonage", "+447700900001"),
                get("status", dlr));
        WebhookResult.Report report = failed.reports().get(0);
        assertEquals(DeliveryStatus.FAILED, report.status());
        assertEquals("msg-1", report.messageId());
        assertEquals("Anti-spam rejection", report.error().description());

        String signed = ",\"signature_secret\":\"sigsecret\"";
        Map<String, String> inbound = new LinkedHashMap<>(Map.of("msisdn", "447700900000", "to", "447700900001",
                "messageId", "0A0000000123ABCD2", "text", "Hello", "type", "text", "timestamp",
                String.valueOf(System.currentTimeMillis() / 1000)));
        assertEquals(403, vonage.webhook(config(wm, signed), VendorTests.channel("vonage", "+447700900001"),
                get("inbound", inbound)).status(), "unsigned while a secret is set");
        inbound.put("sig", VonageSignature.of(inbound, "sigsecret", "md5hash"));
        WebhookResult read = vonage.webhook(config(wm, signed), VendorTests.channel("vonage", "+447700900001"),
                get("inbound", inbound));
        assertEquals(List.of(new WebhookResult.Inbound("0A0000000123ABCD2", "+447700900000", "+447700900001",
                "Hello")), read.inbound());
    }

    @Test
    void longInboundMessagesComeInParts(WireMockRuntimeInfo wm) {
        Map<String, String> part = new LinkedHashMap<>(Map.of("msisdn", "447700900000", "to", "447700900001",
                "messageId", "0A0000000123ABCD3", "text", "second half", "concat", "true", "concat-ref", "108",
                "concat-total", "2", "concat-part", "2"));
        WebhookResult read = vonage.webhook(config(wm, ""), VendorTests.channel("vonage", "+447700900001"),
                get("inbound", part));
        assertEquals(List.of(new WebhookResult.Part("108/447700900000", 2, 2, new WebhookResult.Inbound(
                "0A0000000123ABCD3", "+447700900000", "+447700900001", "second half"))), read.parts());
        part.put("concat-part", "3");
        assertEquals(400, vonage.webhook(config(wm, ""), VendorTests.channel("vonage", "+447700900001"),
                get("inbound", part)).status());
    }

    @Test
    void anUnknownSignatureMethodIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> vonage.checkSettings(VendorTests.json(
                "{\"signature_method\":\"crc\"}")));
        assertThrows(IllegalArgumentException.class, () -> vonage.checkSettings(VendorTests.json(
                "{\"apikey\":\"x\"}")));
    }

    private static Webhook get(String kind, Map<String, String> params) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        params.forEach((k, v) -> query.put(k, List.of(v)));
        return new Webhook(kind, "GET", "https://x/vendors/vonage/ch-1/" + kind, Map.of(), query, new byte[0], null);
    }
}
