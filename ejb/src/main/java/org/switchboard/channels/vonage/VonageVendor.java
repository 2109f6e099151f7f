package org.switchboard.channels.vonage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.switchboard.json.JsonStrings;
import org.switchboard.messages.Message;

/**
 * Vonage's (Nexmo's) SMS API: a send is a form POST to {@code sms/json} with the key and secret, numbers without the
 * plus, {@code status-report-req=1}, the channel's {@code status} webhook as {@code callback} and the message's id as
 * {@code client-ref}; each part's {@code status} other than "0" is an error (1 throttled and 5 internal are tried
 * again). Delivery receipts ({@code status}) and inbound messages ({@code inbound}, by GET or POST, form or JSON) come
 * to the channel's webhooks; a long inbound message comes in parts, put together by {@code concat-ref}. With a
 * {@code signature_secret} set, every webhook request must be signed ({@code sig}).
 */
@ApplicationScoped
public class VonageVendor extends HttpVendor {

    public static final String NAME = "vonage";
    static final String API = "https://rest.nexmo.com";
    private static final Metadata METADATA = new Metadata(NAME, true, List.of("nexmo"));
    private static final List<Setting> SETTINGS = List.of(
            new Setting("api_key", false, true, "The API key"),
            new Setting("api_secret", true, true, "The API secret"),
            new Setting("signature_secret", true, false, "The signature secret: webhooks must then be signed"),
            new Setting("signature_method", false, false, "md5hash (the default), md5, sha1, sha256 or sha512"),
            new Setting("api_base_url", false, false, "Another base URL for rest.nexmo.com"));
    /** The send statuses (sms/json) and, prefixed {@code dlr-}, the delivery receipts' {@code err-code}s. */
    private static final Map<String, String> ERRORS = Map.ofEntries(
            Map.entry("1", "Throttled: more than the allowed requests a second"),
            Map.entry("2", "Missing parameters"),
            Map.entry("3", "Invalid parameters"),
            Map.entry("4", "Invalid credentials"),
            Map.entry("5", "Internal error"),
            Map.entry("6", "Invalid message: it could not be parsed or routed"),
            Map.entry("7", "Number barred"),
            Map.entry("8", "Partner account barred"),
            Map.entry("9", "Partner quota violation: not enough credit"),
            Map.entry("11", "Account not enabled for HTTP"),
            Map.entry("12", "Message too long"),
            Map.entry("14", "Invalid signature"),
            Map.entry("15", "Invalid sender address"),
            Map.entry("22", "Invalid network code"),
            Map.entry("23", "Invalid callback URL"),
            Map.entry("29", "Non-whitelisted destination"),
            Map.entry("32", "Signature and API secret disallowed"),
            Map.entry("33", "Number de-activated"),
            Map.entry("dlr-1", "Unknown: the carrier gave no reason"),
            Map.entry("dlr-2", "Absent subscriber, temporary"),
            Map.entry("dlr-3", "Absent subscriber, permanent"),
            Map.entry("dlr-4", "Call barred by the user"),
            Map.entry("dlr-5", "Portability error"),
            Map.entry("dlr-6", "Anti-spam rejection"),
            Map.entry("dlr-7", "Handset busy"),
            Map.entry("dlr-8", "Network error"),
            Map.entry("dlr-9", "Illegal number"),
            Map.entry("dlr-10", "Illegal message"),
            Map.entry("dlr-11", "Unroutable"),
            Map.entry("dlr-12", "Destination unreachable"),
            Map.entry("dlr-13", "Subscriber age restriction"),
            Map.entry("dlr-14", "Number blocked by the carrier"),
            Map.entry("dlr-15", "Prepaid insufficient funds"),
            Map.entry("dlr-99", "General error"));

    /** For CDI's proxy. */
    protected VonageVendor() {
    }

    @Inject
    public VonageVendor(VendorHttp http) {
        super(http, METADATA, SETTINGS, ERRORS);
    }

    @Override
    public String errorLink(String code) {
        return code.startsWith("dlr-")
                ? "https://developer.vonage.com/en/messaging/sms/guides/delivery-receipts#dlr-error-codes"
                : "https://developer.vonage.com/en/messaging/sms/guides/troubleshooting-sms#sms-api-error-codes";
    }

    @Override
    public void checkSettings(JsonObject settings) {
        super.checkSettings(settings);
        if (settings.get("signature_method") instanceof JsonString method) {
            VonageSignature.of(Map.of(), "", method.getString()); // refuses an unknown method
        }
    }

    @Override
    public CompletionStage<SendResult> send(VendorConfig config, Channel channel, Message message) {
        String text = message.getContent() == null ? "" : message.getContent();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("api_key", config.string("api_key", ""));
        form.put("api_secret", config.string("api_secret", ""));
        form.put("from", plain(message.getFromAddr() != null ? message.getFromAddr() : channel.getAddress()));
        form.put("to", plain(message.getToAddr()));
        form.put("text", text);
        form.put("type", text.chars().allMatch(c -> c < 0x80) ? "text" : "unicode");
        form.put("status-report-req", "1");
        form.put("callback", config.webhookUrl(channel.getId(), "status"));
        form.put("client-ref", message.getId());
        HttpRequest request = VendorHttp.request(http.base(config, API) + "/sms/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(VendorHttp.form(form)))
                .build();
        return http.send(request).thenApply(this::sent);
    }

    /** {@code {"message-count", "messages": [{"status", "message-id", "error-text"}]}}: each part's status. */
    SendResult sent(HttpResponse<String> response) {
        Optional<SendResult> overloaded = overloaded(response, null);
        if (overloaded.isPresent()) {
            return overloaded.get();
        }
        JsonArray parts = VendorHttp.json(response).getJsonArray("messages");
        if (response.statusCode() != 200 || parts == null || parts.isEmpty()) {
            return SendResult.retry("Vonage answered " + response.statusCode() + " without messages", null);
        }
        for (JsonObject part : parts.getValuesAs(JsonObject.class)) {
            String status = part.getString("status", "");
            if ("1".equals(status) || "5".equals(status)) {
                return SendResult.retry("Vonage status " + status + ": " + part.getString("error-text",
                        errorDescription(status).description()), null);
            }
            if (!"0".equals(status)) {
                VendorError known = errorDescription(status);
                return SendResult.refused(new VendorError(status, part.getString("error-text", known.description()),
                        known.link()), false);
            }
        }
        return SendResult.accepted(parts.getJsonObject(0).getString("message-id", null));
    }

    @Override
    public WebhookResult webhook(VendorConfig config, Channel channel, Webhook request) {
        Map<String, String> params = params(request);
        String secret = config.string("signature_secret");
        if (secret != null && !VonageSignature.valid(params, secret, config.string("signature_method", "md5hash"),
                System.currentTimeMillis() / 1000)) {
            return WebhookResult.forbidden("The request's sig is not Vonage's signature with the channel's secret"
                    + " (or its timestamp is more than 5 minutes off)");
        }
        String id = params.get("messageId");
        if (id == null) {
            return WebhookResult.badRequest("messageId is missing");
        }
        if ("status".equals(request.kind())) {
            String status = params.getOrDefault("status", "");
            DeliveryStatus delivery = switch (status) {
                case "delivered" -> DeliveryStatus.DELIVERED;
                case "expired", "failed", "rejected" -> DeliveryStatus.FAILED;
                case "accepted", "buffered" -> DeliveryStatus.PENDING;
                default -> null;
            };
            String code = params.get("err-code");
            VendorError error = code == null || "0".equals(code) ? null : errorDescription("dlr-" + code);
            return WebhookResult.answer(204, null, null, List.of(), List.of(), delivery == null
                    ? List.of()
                    : List.of(new WebhookResult.Report(id, params.get("client-ref"), delivery, error)));
        }
        if ("inbound".equals(request.kind())) {
            String from = params.get("msisdn");
            if (from == null) {
                return WebhookResult.badRequest("msisdn is missing");
            }
            WebhookResult.Inbound message = new WebhookResult.Inbound(id, "+" + from, params.get("to") == null
                    ? channel.getAddress()
                    : "+" + params.get("to"), params.getOrDefault("text", ""));
            if ("true".equals(params.get("concat")) && params.get("concat-ref") != null) {
                int total = count(params.get("concat-total"));
                int seq = count(params.get("concat-part"));
                if (total < 1 || seq < 1 || seq > total || total > 255) {
                    return WebhookResult.badRequest("concat-part and concat-total must be 1 to 255, part <= total");
                }
                return WebhookResult.answer(204, null, null, List.of(), List.of(new WebhookResult.Part(
                        params.get("concat-ref") + "/" + from, total, seq, message)), List.of());
            }
            return WebhookResult.answer(204, null, null, List.of(message), List.of(), List.of());
        }
        return WebhookResult.badRequest("Vonage's webhooks are /inbound and /status, not /" + request.kind());
    }

    /** The request's parameters: the query's and form's, or a JSON body's fields. */
    private static Map<String, String> params(Webhook request) {
        Map<String, String> params = new LinkedHashMap<>();
        request.params().forEach((name, values) -> {
            if (!values.isEmpty()) {
                params.put(name, values.get(0));
            }
        });
        if (request.contentType() != null && request.contentType().startsWith("application/json")) {
            try {
                JsonStrings.object(request.text()).forEach((name, value) -> params.put(name,
                        value instanceof JsonString text ? text.getString() : value.toString()));
            } catch (RuntimeException e) {
                // not JSON: the query's parameters are all there is
            }
        }
        return params;
    }

    private static int count(String text) {
        return text != null && text.matches("\\d{1,3}") ? Integer.parseInt(text) : -1;
    }

    /** Vonage writes numbers without the plus. */
    private static String plain(String number) {
        return number != null && number.startsWith("+") ? number.substring(1) : number;
    }
}
