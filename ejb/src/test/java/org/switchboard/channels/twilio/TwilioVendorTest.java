package org.switchboard.channels.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.channels.ServiceVendor;
import org.switchboard.channels.ServiceVendor.ContactInfo;
import org.switchboard.channels.VendorConfig;
import org.switchboard.channels.VendorTests;
import org.switchboard.channels.Webhook;
import org.switchboard.channels.WebhookResult;
import org.switchboard.engine.EventRecorder.DeliveryStatus;
import org.switchboard.engine.SendResult;
import org.switchboard.engine.VendorError;

@WireMockTest
class TwilioVendorTest {

    private final TwilioVendor twilio = new TwilioVendor(VendorTests.http());

    private static VendorConfig config(WireMockRuntimeInfo wm, String more) {
        return VendorTests.config("twilio", "{\"account_sid\":\"AC123\",\"auth_token\":\"secret-token\","
                + "\"api_base_url\":\"" + wm.getHttpBaseUrl() + "\"" + more + "}");
    }

    @Test
    void sendsTheFormTwilioDocuments(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(post("/2010-04-01/Accounts/AC123/Messages.json").willReturn(aResponse()
                .withStatus(201).withBody("{\"sid\":\"SM0001\",\"status\":\"queued\",\"num_segments\":\"1\"}")));
        SendResult result = twilio.send(config(wm, ""), VendorTests.channel("twilio", "+15550001111"),
                VendorTests.message("+15557654321", "+15550001111", "Hi & bye")).toCompletableFuture().join();
        assertTrue(result.accepted());
        assertEquals("SM0001", result.vendorMessageId());
        wm.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/2010-04-01/Accounts/AC123/Messages.json"))
                .withHeader("Authorization", equalTo("Basic QUMxMjM6c2VjcmV0LXRva2Vu")) // AC123:secret-token
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("To=%2B15557654321&From=%2B15550001111&Body=Hi+%26+bye&StatusCallback="
                        + "https%3A%2F%2Fswitchboard.example.com%2Fvendors%2Ftwilio%2Fch-1%2Fstatus")));
    }

    @Test
    void aMessagingServiceTakesThePlaceOfFrom(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(post("/2010-04-01/Accounts/AC123/Messages.json").willReturn(aResponse()
                .withStatus(201).withBody("{\"sid\":\"SM0002\",\"status\":\"accepted\"}")));
        twilio.send(config(wm, ",\"message_service_sid\":\"MG9\""), VendorTests.channel("twilio", "+15550001111"),
                VendorTests.message("+15557654321", "+15550001111", "x")).toCompletableFuture().join();
        wm.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/2010-04-01/Accounts/AC123/Messages.json"))
                .withRequestBody(equalTo("To=%2B15557654321&MessagingServiceSid=MG9&Body=x&StatusCallback="
                        + "https%3A%2F%2Fswitchboard.example.com%2Fvendors%2Ftwilio%2Fch-1%2Fstatus")));
    }

    @Test
    void errorsComeBackWithTheirCodeAndLink(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(post("/2010-04-01/Accounts/AC123/Messages.json").willReturn(aResponse()
                .withStatus(400).withBody("{\"code\":21610,\"message\":\"Attempt to send to unsubscribed recipient\","
                        + "\"more_info\":\"https://www.twilio.com/docs/errors/21610\",\"status\":400}")));
        SendResult stopped = send(wm);
        assertEquals(SendResult.Kind.REFUSED, stopped.kind());
        assertTrue(stopped.optedOut(), "21610: the recipient opted out");
        assertEquals("21610", stopped.error().code());
        assertEquals("https://www.twilio.com/docs/errors/21610", stopped.error().link());

        wm.getWireMock().register(post("/2010-04-01/Accounts/AC123/Messages.json").willReturn(aResponse()
                .withStatus(400).withBody("{\"code\":21211,\"message\":\"The 'To' number is not valid.\"}")));
        SendResult invalid = send(wm);
        assertFalse(invalid.optedOut());
        assertEquals("21211: The 'To' number is not valid. (https://www.twilio.com/docs/api/errors/21211)",
                invalid.reason());
    }

    @Test
    void throttlingIsTriedAgain(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(post("/2010-04-01/Accounts/AC123/Messages.json").willReturn(aResponse()
                .withStatus(429).withHeader("Retry-After", "7").withBody("{\"code\":20429}")));
        SendResult throttled = send(wm);
        assertEquals(SendResult.Kind.RETRY, throttled.kind());
        assertEquals(Duration.ofSeconds(7), throttled.retryAfter());
        wm.getWireMock().register(post("/2010-04-01/Accounts/AC123/Messages.json").willReturn(aResponse()
                .withStatus(400).withBody("{\"code\":20429,\"message\":\"Too Many Requests\"}")));
        assertEquals(SendResult.Kind.RETRY, send(wm).kind());
        wm.getWireMock().register(post("/2010-04-01/Accounts/AC123/Messages.json").willReturn(aResponse()
                .withStatus(503)));
        assertEquals(SendResult.Kind.RETRY, send(wm).kind());
    }

    private SendResult send(WireMockRuntimeInfo wm) {
        return twilio.send(config(wm, ""), VendorTests.channel("twilio", "+15550001111"),
                VendorTests.message("+15557654321", null, "x")).toCompletableFuture().join();
    }

    /** Courier's receiveValid vector, signed with the channel's token at the URL Twilio called. */
    @Test
    void inboundWebhooksAreCheckedAndRead(WireMockRuntimeInfo wm) {
        String url = VendorTests.PUBLIC_URL + "/vendors/twilio/ch-1/inbound";
        String form = "ToCountry=US&ToState=District+Of+Columbia&SmsMessageSid=SMe287d7109a5a925f182f0e07fe5b223b"
                + "&NumMedia=0&ToCity=&FromZip=01022&SmsSid=SMe287d7109a5a925f182f0e07fe5b223b&FromState=MA"
                + "&SmsStatus=received&FromCity=CHICOPEE&Body=Msg&FromCountry=US&To=%2B12028831111"
                + "&ToZip=&NumSegments=1&MessageSid=SMe287d7109a5a925f182f0e07fe5b223b"
                + "&AccountSid=AC123&From=%2B14133881111&ApiVersion=2010-04-01";
        String signature = TwilioSignature.of("secret-token", url, Webhook.form(form));
        WebhookResult read = twilio.webhook(config(wm, ""), VendorTests.channel("twilio", "+12028831111"),
                VendorTests.formPost("inbound", url, form, Map.of("x-twilio-signature", List.of(signature))));
        assertEquals(200, read.status());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>", read.body());
        assertEquals(List.of(new WebhookResult.Inbound("SMe287d7109a5a925f182f0e07fe5b223b", "+14133881111",
                "+12028831111", "Msg")), read.inbound());

        WebhookResult forged = twilio.webhook(config(wm, ""), VendorTests.channel("twilio", "+12028831111"),
                VendorTests.formPost("inbound", url, form.replace("Body=Msg", "Body=Pay+me"),
                        Map.of("x-twilio-signature", List.of(signature))));
        assertEquals(403, forged.status());
        assertTrue(forged.inbound().isEmpty());
    }

    /** Signed with the channel's token, but for another Twilio account or another number: not the channel's. */
    @Test
    void anInboundForAnotherAccountOrNumberIsRefused(WireMockRuntimeInfo wm) {
        String url = VendorTests.PUBLIC_URL + "/vendors/twilio/ch-1/inbound";
        String otherAccount = "MessageSid=SM1&AccountSid=AC999&From=%2B14133881111&To=%2B12028831111&Body=hi";
        WebhookResult refused = twilio.webhook(config(wm, ""), VendorTests.channel("twilio", "+12028831111"),
                signed(url, otherAccount));
        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("AccountSid AC999 is not the Twilio account of this channel"),
                refused.body());

        String otherNumber = "MessageSid=SM2&AccountSid=AC123&From=%2B14133881111&To=%2B12025550000&Body=hi";
        WebhookResult elsewhere = twilio.webhook(config(wm, ""), VendorTests.channel("twilio", "+12028831111"),
                signed(url, otherNumber));
        assertEquals(403, elsewhere.status());
        assertTrue(elsewhere.inbound().isEmpty());

        // a channel that sends through a messaging service takes what comes to any number of that service
        String serviced = otherNumber + "&MessagingServiceSid=MG42";
        WebhookResult pooled = twilio.webhook(config(wm, ",\"message_service_sid\":\"MG42\""),
                VendorTests.channel("twilio", "+12028831111"), signed(url, serviced));
        assertEquals(200, pooled.status(), pooled.body());
        assertEquals(1, pooled.inbound().size());
    }

    private static Webhook signed(String url, String form) {
        return VendorTests.formPost("inbound", url, form, Map.of("x-twilio-signature",
                List.of(TwilioSignature.of("secret-token", url, Webhook.form(form)))));
    }

    @Test
    void statusCallbacksAreDeliveryReports(WireMockRuntimeInfo wm) {
        String url = VendorTests.PUBLIC_URL + "/vendors/twilio/ch-1/status";
        String delivered = "MessageSid=SM0001&MessageStatus=delivered&To=%2B15557654321&From=%2B15550001111"
                + "&AccountSid=AC123&ApiVersion=2010-04-01&SmsSid=SM0001&SmsStatus=delivered";
        WebhookResult ok = callback(wm, url, delivered);
        assertEquals(List.of(new WebhookResult.Report("SM0001", null, DeliveryStatus.DELIVERED, null)), ok.reports());

        WebhookResult failed = callback(wm, url, "MessageSid=SM0001&MessageStatus=undelivered&ErrorCode=30003");
        WebhookResult.Report report = failed.reports().get(0);
        assertEquals(DeliveryStatus.FAILED, report.status());
        assertEquals(new VendorError("30003", "Unreachable destination handset",
                "https://www.twilio.com/docs/api/errors/30003"), report.error());

        assertTrue(callback(wm, url, "MessageSid=SM0001&MessageStatus=queued").reports().isEmpty());
    }

    private WebhookResult callback(WireMockRuntimeInfo wm, String url, String form) {
        return twilio.webhook(config(wm, ""), VendorTests.channel("twilio", "+15550001111"), VendorTests.formPost(
                "status", url, form, Map.of("x-twilio-signature", List.of(TwilioSignature.of("secret-token", url,
                        Webhook.form(form))))));
    }

    @Test
    void looksNumbersUp(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(get(urlPathEqualTo("/v2/PhoneNumbers/%2B14155550100")).willReturn(aResponse()
                .withBody("{\"phone_number\":\"+14155550100\",\"country_code\":\"US\",\"valid\":true,"
                        + "\"line_type_intelligence\":{\"carrier_name\":\"AT&T Wireless\",\"type\":\"landline\","
                        + "\"error_code\":null}}")));
        ContactInfo landline = twilio.contactInfo(config(wm, ""), "+14155550100", false);
        assertEquals(ContactInfo.LANDLINE, landline.statusCode());
        assertEquals("AT&T Wireless", landline.carrier());
        assertEquals("US", landline.country());
        wm.getWireMock().verifyThat(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlEqualTo("/v2/PhoneNumbers/%2B14155550100?Fields=line_type_intelligence")));

        wm.getWireMock().register(get(urlPathEqualTo("/v2/PhoneNumbers/%2B14155550101")).willReturn(aResponse()
                .withBody("{\"valid\":true,\"line_type_intelligence\":{\"type\":\"mobile\",\"carrier_name\":\"T\"}}")));
        assertEquals(ContactInfo.TEXTABLE, twilio.contactInfo(config(wm, ""), "+14155550101", false).statusCode());
        wm.getWireMock().register(get(urlPathEqualTo("/v2/PhoneNumbers/%2B14155550102")).willReturn(aResponse()
                .withStatus(404).withBody("{\"code\":20404}")));
        assertEquals(ContactInfo.LOOKUP_FAILED,
                twilio.contactInfo(config(wm, ""), "+14155550102", false).statusCode());
    }

    @Test
    void buysAndReleasesNumbers(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(get(urlPathEqualTo("/2010-04-01/Accounts/AC123/AvailablePhoneNumbers/US/Local.json"))
                .willReturn(aResponse().withBody("{\"available_phone_numbers\":[{\"phone_number\":\"+12125550101\"},"
                        + "{\"phone_number\":\"+12125550102\"}]}")));
        wm.getWireMock().register(post("/2010-04-01/Accounts/AC123/IncomingPhoneNumbers.json").willReturn(
                aResponse().withStatus(201).withBody("{\"sid\":\"PN1\",\"phone_number\":\"+12125550101\"}")));
        List<ServiceVendor.OwnedNumber> bought = twilio.buyNumbersInAreaCode(config(wm, ""), "212", 1);
        assertEquals(List.of(new ServiceVendor.OwnedNumber("+12125550101", "212", "PN1")), bought);
        wm.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/2010-04-01/Accounts/AC123/IncomingPhoneNumbers.json"))
                .withRequestBody(equalTo("PhoneNumber=%2B12125550101")));

        wm.getWireMock().register(delete("/2010-04-01/Accounts/AC123/IncomingPhoneNumbers/PN1.json")
                .willReturn(aResponse().withStatus(204)));
        twilio.deleteNumbers(config(wm, ""), bought);
        wm.getWireMock().verifyThat(deleteRequestedFor(urlEqualTo(
                "/2010-04-01/Accounts/AC123/IncomingPhoneNumbers/PN1.json")));

        wm.getWireMock().register(post("/v1/Services/MG9/PhoneNumbers").willReturn(aResponse().withStatus(201)
                .withBody("{\"sid\":\"PN1\"}")));
        twilio.addNumbersToMessagingService(config(wm, ""), bought, "MG9");
        wm.getWireMock().verifyThat(postRequestedFor(urlEqualTo("/v1/Services/MG9/PhoneNumbers"))
                .withRequestBody(equalTo("PhoneNumberSid=PN1")));

        wm.getWireMock().register(get(urlPathEqualTo("/2010-04-01/Accounts/AC123/AvailablePhoneNumbers/US/Local.json"))
                .willReturn(aResponse().withStatus(401).withBody("{\"code\":20003,\"message\":\"Authenticate\","
                        + "\"more_info\":\"https://www.twilio.com/docs/errors/20003\"}")));
        ServiceVendor.VendorException refused = assertThrows(ServiceVendor.VendorException.class,
                () -> twilio.buyNumbersInAreaCode(config(wm, ""), "212", 1));
        assertEquals("20003", refused.error().code());
    }

    @Test
    void isFullyConfiguredWithItsSidAndToken(WireMockRuntimeInfo wm) {
        assertTrue(twilio.fullyConfigured(config(wm, "")));
        assertEquals(List.of("auth_token"), twilio.missing(VendorTests.config("twilio",
                "{\"account_sid\":\"AC1\"}")));
        assertNull(twilio.messageServiceSid(config(wm, ""), "+1", "x"));
    }
}
