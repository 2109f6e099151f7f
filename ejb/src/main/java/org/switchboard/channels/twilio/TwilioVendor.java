package org.switchboard.channels.twilio;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Twilio's Programmable Messaging: a send is a form POST to the account's Messages resource with {@code To},
 * {@code Body}, {@code From} (the message's from address) or {@code MessagingServiceSid} (when the channel or account
 * names a messaging service) and {@code StatusCallback} (the channel's {@code status} webhook); Twilio's status
 * callbacks become delivery reports, its inbound webhook ({@code inbound}) messages, both checked against
 * {@code X-Twilio-Signature}. Error 21610 (the recipient replied STOP) records an opt-out; 429 and 20429 are
 * throttling, tried again. Lookup v2 answers contact lookups; IncomingPhoneNumbers and Messaging Services the
 * inventory.
 */
@ApplicationScoped
public class TwilioVendor extends HttpVendor {

    public static final String NAME = "twilio";
    static final String API = "https://api.twilio.com";
    static final String LOOKUPS = "https://lookups.twilio.com";
    static final String MESSAGING = "https://messaging.twilio.com";
    static final String TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    private static final Metadata METADATA = new Metadata(NAME, true, List.of());
    private static final List<Setting> SETTINGS = List.of(
            new Setting("account_sid", false, true, "The account's SID (AC...)"),
            new Setting("auth_token", true, true, "The account's auth token; it signs Twilio's webhooks"),
            new Setting("message_service_sid", false, false,
                    "A messaging service (MG...) to send through instead of the channel's number"),
            new Setting("api_base_url", false, false,
                    "Another base URL for api, lookups and messaging.twilio.com (a Twilio-compatible API)"));
    private static final Map<String, String> ERRORS = Map.ofEntries(
            Map.entry("20003", "Authentication error: the account SID or auth token is wrong"),
            Map.entry("20404", "The requested resource was not found"),
            Map.entry("20429", "Too many requests"),
            Map.entry("21211", "Invalid 'To' phone number"),
            Map.entry("21408", "Permission to send an SMS has not been enabled for the region"),
            Map.entry("21602", "Message body is required"),
            Map.entry("21606", "The 'From' phone number is not a valid, SMS-capable number of the account"),
            Map.entry("21610", "Attempt to send to an unsubscribed recipient (it replied STOP)"),
            Map.entry("21612", "The 'To' phone number is not currently reachable via SMS"),
            Map.entry("21614", "'To' number is not a valid mobile number"),
            Map.entry("21617", "The concatenated message body exceeds the 1600 character limit"),
            Map.entry("30001", "Queue overflow"),
            Map.entry("30002", "Account suspended"),
            Map.entry("30003", "Unreachable destination handset"),
            Map.entry("30004", "Message blocked"),
            Map.entry("30005", "Unknown destination handset"),
            Map.entry("30006", "Landline or unreachable carrier"),
            Map.entry("30007", "Message filtered by the carrier"),
            Map.entry("30008", "Unknown error"),
            Map.entry("30034", "Message from an unregistered number (US A2P 10DLC)"));

    /** For CDI's proxy. */
    protected TwilioVendor() {
    }

    @Inject
    public TwilioVendor(VendorHttp http) {
        super(http, METADATA, SETTINGS, ERRORS);
    }

    @Override
    public String errorLink(String code) {
        return "https://www.twilio.com/docs/api/errors/" + code;
    }

    @Override
    public String messageServiceSid(VendorConfig config, String to, String text) {
        return config.string("message_service_sid");
    }

    @Override
    public CompletionStage<SendResult> send(VendorConfig config, Channel channel, Message message) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("To", message.getToAddr());
        String service = messageServiceSid(config, message.getToAddr(), message.getContent());
        if (service != null) {
            form.put("MessagingServiceSid", service);
        } else {
            form.put("From", message.getFromAddr() != null ? message.getFromAddr() : channel.getAddress());
        }
        form.put("Body", message.getContent() == null ? "" : message.getContent());
        form.put("StatusCallback", config.webhookUrl(channel.getId(), "status"));
        HttpRequest request = authorized(config, http.base(config, API) + "/2010-04-01/Accounts/"
                + VendorHttp.encode(config.string("account_sid")) + "/Messages.json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(VendorHttp.form(form)))
                .build();
        return http.send(request).thenApply(this::sent);
    }

    /** Twilio's answer to a send: 201 with the message's {@code sid}, or an error {@code {code, message, ...}}. */
    SendResult sent(HttpResponse<String> response) {
        JsonObject body = VendorHttp.json(response);
        if (response.statusCode() == 201 || response.statusCode() == 200) {
            return SendResult.accepted(body.getString("sid", null));
        }
        String code = code(response, body);
        if ("20429".equals(code)) {
            return SendResult.retry("Twilio throttled the message (20429)", VendorHttp.retryAfter(response));
        }
        return overloaded(response, body.getString("message", null))
                .orElseGet(() -> SendResult.refused(error(code, body), "21610".equals(code)));
    }

    /** Twilio's error code in an error answer, else the HTTP status. */
    private static String code(HttpResponse<String> response, JsonObject body) {
        return body.containsKey("code") && !body.isNull("code")
                ? body.get("code").toString()
                : String.valueOf(response.statusCode());
    }

    /** The error as Twilio described it (its message and more_info), else as the table does. */
    private VendorError error(String code, JsonObject body) {
        VendorError known = errorDescription(code);
        return new VendorError(code, body.getString("message", known.description()),
                body.getString("more_info", known.link()));
    }

    @Override
    public WebhookResult webhook(VendorConfig config, Channel channel, Webhook request) {
        boolean json = request.contentType() != null && request.contentType().startsWith("application/json");
        // the form's fields alone: Twilio signs the URL with its query, then the form's fields
        Map<String, List<String>> form = json ? Map.of() : Webhook.form(request.text());
        if (!TwilioSignature.valid(config.string("auth_token"), request.url(), form, request.body(), json,
                request.header("X-Twilio-Signature"))) {
            return WebhookResult.forbidden("X-Twilio-Signature does not match the request");
        }
        String accountSid = request.param("AccountSid");
        if (accountSid != null && config.string("account_sid") != null
                && !accountSid.equals(config.string("account_sid"))) {
            return WebhookResult.forbidden("AccountSid " + abbreviated(accountSid)
                    + " is not the Twilio account of this channel");
        }
        String sid = request.param("MessageSid") != null ? request.param("MessageSid") : request.param("SmsSid");
        if (sid == null) {
            return WebhookResult.badRequest("MessageSid is missing");
        }
        if ("status".equals(request.kind())) {
            String status = request.param("MessageStatus") != null
                    ? request.param("MessageStatus")
                    : request.param("SmsStatus");
            String code = request.param("ErrorCode");
            DeliveryStatus delivery = status == null ? null : switch (status) {
                case "delivered" -> DeliveryStatus.DELIVERED;
                case "failed", "undelivered", "canceled" -> DeliveryStatus.FAILED;
                case "sent" -> DeliveryStatus.PENDING;
                default -> null; // queued, accepting, sending, scheduled: not yet news; read: after delivered
            };
            VendorError error = code == null || code.isBlank() || "0".equals(code) ? null : errorDescription(code);
            return WebhookResult.answer(200, "text/xml", TWIML, List.of(), List.of(),
                    delivery == null ? List.of() : List.of(new WebhookResult.Report(sid, null, delivery, error)));
        }
        if ("inbound".equals(request.kind())) {
            String from = request.param("From");
            if (from == null) {
                return WebhookResult.badRequest("From is missing");
            }
            StringBuilder text = new StringBuilder(request.param("Body") == null ? "" : request.param("Body"));
            int media = parseCount(request.param("NumMedia"));
            for (int i = 0; i < media; i++) {
                String url = request.param("MediaUrl" + i);
                if (url != null) { // as Spoke writes media into a text: [url]
                    text.append(text.length() == 0 ? "" : "\n").append('[').append(url).append(']');
                }
            }
            String to = request.param("To") != null ? request.param("To") : channel.getAddress();
            if (!addressedToChannel(config, channel, request, to)) {
                return WebhookResult.forbidden("The message is to " + abbreviated(to) + ", not to this channel's "
                        + channel.getAddress());
            }
            return WebhookResult.answer(200, "text/xml", TWIML,
                    List.of(new WebhookResult.Inbound(sid, from, to, text.toString())), List.of(), List.of());
        }
        return WebhookResult.badRequest("Twilio's webhooks are /inbound and /status, not /" + request.kind());
    }

    /**
     * Whether an inbound message is the channel's: to its number, or, for a channel that sends through a messaging
     * service, to any number of that service (Twilio names the service in {@code MessagingServiceSid}).
     */
    private static boolean addressedToChannel(VendorConfig config, Channel channel, Webhook request, String to) {
        String service = request.param("MessagingServiceSid");
        String ours = config.string("message_service_sid");
        if (service != null && ours != null) {
            return service.equals(ours);
        }
        return digits(to).equals(digits(channel.getAddress()));
    }

    private static String digits(String address) {
        return address == null ? "" : address.replaceAll("[^0-9A-Za-z*#]", "");
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static int parseCount(String text) {
        try {
            return text == null ? 0 : Math.min(10, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public ContactInfo contactInfo(VendorConfig config, String number, boolean lookupName) {
        String fields = "line_type_intelligence" + (lookupName ? ",caller_name" : "");
        HttpResponse<String> response = http.call(authorized(config, http.base(config, LOOKUPS)
                + "/v2/PhoneNumbers/" + VendorHttp.encode(number) + "?Fields=" + VendorHttp.encode(fields))
                .GET().build());
        JsonObject body = VendorHttp.json(response);
        if (response.statusCode() == 404) {
            return new ContactInfo(number, null, ContactInfo.LOOKUP_FAILED, "20404", null, null);
        }
        failIfError(response, body, "look up " + number);
        String callerName = body.get("caller_name") instanceof JsonObject caller
                ? caller.getString("caller_name", null)
                : null;
        String country = body.getString("country_code", null);
        if (!body.getBoolean("valid", true)) {
            return new ContactInfo(number, null, ContactInfo.NOT_IN_SERVICE, null, callerName, country);
        }
        JsonObject line = body.get("line_type_intelligence") instanceof JsonObject l ? l : JsonValue.EMPTY_JSON_OBJECT;
        String carrier = line.getString("carrier_name", null);
        JsonValue errorCode = line.get("error_code");
        if (errorCode != null && errorCode != JsonValue.NULL) {
            return new ContactInfo(number, carrier, ContactInfo.NOT_IN_SERVICE, errorCode.toString().replace("\"",
                    ""), callerName, country);
        }
        int status = "landline".equals(line.getString("type", null)) ? ContactInfo.LANDLINE : ContactInfo.TEXTABLE;
        return new ContactInfo(number, carrier, status, null, callerName, country);
    }

    @Override
    public List<OwnedNumber> buyNumbersInAreaCode(VendorConfig config, String areaCode, int limit) {
        String account = http.base(config, API) + "/2010-04-01/Accounts/" + VendorHttp.encode(config.string(
                "account_sid"));
        HttpResponse<String> search = http.call(authorized(config, account
                + "/AvailablePhoneNumbers/US/Local.json?AreaCode=" + VendorHttp.encode(areaCode)
                + "&SmsEnabled=true&PageSize=" + limit).GET().build());
        JsonObject found = VendorHttp.json(search);
        failIfError(search, found, "search numbers in " + areaCode);
        List<OwnedNumber> bought = new ArrayList<>();
        JsonArray available = found.getJsonArray("available_phone_numbers");
        for (int i = 0; available != null && i < available.size() && bought.size() < limit; i++) {
            String number = available.getJsonObject(i).getString("phone_number");
            HttpResponse<String> buy = http.call(authorized(config, account + "/IncomingPhoneNumbers.json")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(VendorHttp.form(Map.of("PhoneNumber", number))))
                    .build());
            JsonObject owned = VendorHttp.json(buy);
            failIfError(buy, owned, "buy " + number);
            bought.add(new OwnedNumber(owned.getString("phone_number", number), areaCode, owned.getString("sid")));
        }
        return bought;
    }

    @Override
    public void deleteNumbers(VendorConfig config, List<OwnedNumber> numbers) {
        String account = http.base(config, API) + "/2010-04-01/Accounts/" + VendorHttp.encode(config.string(
                "account_sid"));
        for (OwnedNumber number : numbers) {
            HttpResponse<String> deleted = http.call(authorized(config, account + "/IncomingPhoneNumbers/"
                    + VendorHttp.encode(number.vendorId()) + ".json").DELETE().build());
            if (deleted.statusCode() != 404) { // already released at Twilio: gone either way
                failIfError(deleted, VendorHttp.json(deleted), "release " + number.number());
            }
        }
    }

    @Override
    public void addNumbersToMessagingService(VendorConfig config, List<OwnedNumber> numbers, String serviceSid) {
        String service = http.base(config, MESSAGING) + "/v1/Services/" + VendorHttp.encode(serviceSid);
        for (OwnedNumber number : numbers) {
            HttpResponse<String> added = http.call(authorized(config, service + "/PhoneNumbers")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(VendorHttp.form(Map.of("PhoneNumberSid",
                            number.vendorId()))))
                    .build());
            failIfError(added, VendorHttp.json(added), "add " + number.number() + " to " + serviceSid);
        }
    }

    @Override
    public List<String> clearMessagingServicePhones(VendorConfig config, String serviceSid) {
        String service = http.base(config, MESSAGING) + "/v1/Services/" + VendorHttp.encode(serviceSid);
        HttpResponse<String> listed = http.call(authorized(config, service + "/PhoneNumbers?PageSize=1000")
                .GET().build());
        JsonObject body = VendorHttp.json(listed);
        failIfError(listed, body, "list the numbers of " + serviceSid);
        List<String> removed = new ArrayList<>();
        JsonArray numbers = body.getJsonArray("phone_numbers");
        for (int i = 0; numbers != null && i < numbers.size(); i++) {
            JsonObject number = numbers.getJsonObject(i);
            HttpResponse<String> deleted = http.call(authorized(config, service + "/PhoneNumbers/"
                    + VendorHttp.encode(number.getString("sid"))).DELETE().build());
            failIfError(deleted, VendorHttp.json(deleted), "remove " + number.getString("phone_number", "")
                    + " from " + serviceSid);
            removed.add(number.getString("phone_number", number.getString("sid")));
        }
        return removed;
    }

    private HttpRequest.Builder authorized(VendorConfig config, String url) {
        return VendorHttp.request(url).header("Authorization", VendorHttp.basic(config.string("account_sid", ""),
                config.string("auth_token", "")));
    }

    private void failIfError(HttpResponse<String> response, JsonObject body, String what) {
        if (response.statusCode() >= 300) {
            throw new VendorException("Twilio could not " + what + " (HTTP " + response.statusCode() + ")",
                    error(code(response, body), body));
        }
    }
}
