package org.switchboard.channels.bandwidth;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.switchboard.channels.Channel;
import org.switchboard.channels.HttpVendor;
import org.switchboard.channels.VendorConfig;
import org.switchboard.channels.VendorHttp;
import org.switchboard.channels.Webhook;
import org.switchboard.channels.WebhookResult;
import org.switchboard.engine.EventRecorder.DeliveryStatus;
import org.switchboard.engine.SendResult;
import org.switchboard.engine.VendorError;
import org.switchboard.messages.Message;

/**
 * Bandwidth's Messaging API v2: a send is a JSON POST to the account's messages, answered 202 with the message's
 * {@code id}; the message's id here travels as its {@code tag}. The application's callbacks (the channel's webhook)
 * come as JSON arrays of {@code message-received}, {@code message-delivered} and {@code message-failed} (with
 * {@code errorCode}), each request carrying the callback's Basic credentials, which the channel's
 * {@code callback_username} and {@code callback_password} must match.
 */
@ApplicationScoped
public class BandwidthVendor extends HttpVendor {

    public static final String NAME = "bandwidth";
    static final String API = "https://messaging.bandwidth.com";
    private static final Metadata METADATA = new Metadata(NAME, true, List.of());
    private static final List<Setting> SETTINGS = List.of(
            new Setting("account_id", false, true, "The Bandwidth account id"),
            new Setting("username", false, true, "The API user"),
            new Setting("password", true, true, "The API user's password"),
            new Setting("application_id", false, true, "The messaging application (its callback URL: the webhook)"),
            new Setting("callback_username", false, false, "The callbacks' Basic user (bandwidth.com unless set)"),
            new Setting("callback_password", true, true, "The callbacks' Basic password"),
            new Setting("api_base_url", false, false, "Another base URL for messaging.bandwidth.com"));
    private static final Map<String, String> ERRORS = Map.ofEntries(
            Map.entry("4001", "Service not allowed (catch-all error)"),
            Map.entry("4301", "Malformed recipient number"),
            Map.entry("4350", "Malformed sending number"),
            Map.entry("4403", "Messaging forbidden on the sending number"),
            Map.entry("4410", "Media download failed"),
            Map.entry("4420", "No route to destination carrier"),
            Map.entry("4470", "Destination is on the carrier's spam list"),
            Map.entry("4720", "Carrier rejected as an invalid destination address"),
            Map.entry("4740", "Carrier rejected as an invalid source address"),
            Map.entry("4770", "Carrier rejected as SPAM"),
            Map.entry("4775", "Carrier rejected: the recipient opted out"),
            Map.entry("5100", "Temporary application error"),
            Map.entry("5600", "Carrier service unavailable"),
            Map.entry("9902", "Timed out waiting for the delivery receipt"),
            Map.entry("9999", "Unknown error from Bandwidth"));

    /** For CDI's proxy. */
    protected BandwidthVendor() {
    }

    @Inject
    public BandwidthVendor(VendorHttp http) {
        super(http, METADATA, SETTINGS, ERRORS);
    }

    @Override
    public String errorLink(String code) {
        return "https://dev.bandwidth.com/docs/messaging/errors/";
    }

    @Override
    public CompletionStage<SendResult> send(VendorConfig config, Channel channel, Message message) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("applicationId", config.string("application_id", ""))
                .add("to", JSON.createArrayBuilder().add(message.getToAddr()))
                .add("from", message.getFromAddr() != null ? message.getFromAddr() : channel.getAddress())
                .add("text", message.getContent() == null ? "" : message.getContent())
                .add("tag", message.getId());
        HttpRequest request = VendorHttp.request(http.base(config, API) + "/api/v2/users/"
                + VendorHttp.encode(config.string("account_id", "")) + "/messages")
                .header("Authorization", VendorHttp.basic(config.string("username", ""),
                        config.string("password", "")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()))
                .build();
        return http.send(request).thenApply(this::sent);
    }

    /** 202 with the message ({@code id}), or an error {@code {type, description}}. */
    SendResult sent(HttpResponse<String> response) {
        JsonObject body = VendorHttp.json(response);
        if (response.statusCode() == 202 || response.statusCode() == 200 || response.statusCode() == 201) {
            return SendResult.accepted(body.getString("id", null));
        }
        String type = body.getString("type", String.valueOf(response.statusCode()));
        return overloaded(response, body.getString("description", null)).orElseGet(() -> SendResult.refused(
                new VendorError(type, body.getString("description", "Bandwidth refused the message"),
                        errorLink(type)),
                false));
    }

    @Override
    public WebhookResult webhook(VendorConfig config, Channel channel, Webhook request) {
        if (!authorized(config, request.header("Authorization"))) {
            return WebhookResult.forbidden("The callback's Basic credentials are not the channel's");
        }
        JsonArray callbacks;
        try (JsonReader reader = JSON.createReader(new StringReader(request.text()))) {
            callbacks = reader.readArray();
        } catch (RuntimeException e) {
            return WebhookResult.badRequest("A Bandwidth callback is a JSON array of events");
        }
        List<WebhookResult.Inbound> inbound = new ArrayList<>();
        List<WebhookResult.Report> reports = new ArrayList<>();
        for (JsonValue value : callbacks) {
            if (!(value instanceof JsonObject callback) || !(callback.get("message") instanceof JsonObject message)) {
                return WebhookResult.badRequest("Each callback is an object with a 'message'");
            }
            String id = message.getString("id", null);
            String tag = message.getString("tag", null);
            switch (callback.getString("type", "")) {
                case "message-received" -> {
                    JsonArray to = message.getJsonArray("to");
                    inbound.add(new WebhookResult.Inbound(id, message.getString("from", null),
                            callback.getString("to", to != null && !to.isEmpty()
                                    ? to.getString(0)
                                    : channel.getAddress()),
                            message.getString("text", "")));
                }
                case "message-delivered" -> reports.add(new WebhookResult.Report(id, tag, DeliveryStatus.DELIVERED,
                        null));
                case "message-failed" -> {
                    String code = callback.containsKey("errorCode") ? callback.get("errorCode").toString() : "9999";
                    VendorError known = errorDescription(code);
                    reports.add(new WebhookResult.Report(id, tag, DeliveryStatus.FAILED, new VendorError(code,
                            callback.getString("description", known.description()), known.link())));
                }
                default -> {
                    // message-sending (MMS on its way) and types added later: nothing to record
                }
            }
        }
        return WebhookResult.answer(200, "application/json", "{\"success\":true}", inbound, List.of(), reports);
    }

    /** Compares the Basic credentials with the channel's in constant time. */
    static boolean authorized(VendorConfig config, String header) {
        String password = config.string("callback_password");
        if (password == null || header == null) {
            return false;
        }
        String expected = VendorHttp.basic(config.string("callback_username", "bandwidth.com"), password);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                header.trim().getBytes(StandardCharsets.UTF_8));
    }
}
