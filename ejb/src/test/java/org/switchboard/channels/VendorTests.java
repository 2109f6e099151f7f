package org.switchboard.channels;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import org.switchboard.messages.Message;
import org.switchboard.net.AddressGuard;

/** What the vendors' tests share: a client that may reach the local fake, channels, messages and webhook requests. */
public final class VendorTests {

    public static final String PUBLIC_URL = "https://switchboard.example.com";

    private VendorTests() {
    }

    public static VendorHttp http() {
        return new VendorHttp(HttpClient.newHttpClient(), () -> new AddressGuard("allowed", "127.0.0.0/8"));
    }

    public static VendorConfig config(String vendor, String json) {
        return new VendorConfig(vendor, Json.createReader(new StringReader(json)).readObject(), PUBLIC_URL);
    }

    public static Channel channel(String vendor, String address) {
        return new Channel("ch-1", "acc-1", vendor, address, "sms");
    }

    public static Message message(String to, String from, String content) {
        Message message = new Message("msg-1", "acc-1", "ch-1", Message.Direction.OUTBOUND, Message.Status.QUEUED);
        message.setToAddr(to);
        message.setFromAddr(from);
        message.setContent(content);
        return message;
    }

    /** A form POST to the channel's webhook as the platform hands it to the vendor. */
    public static Webhook formPost(String kind, String url, String form, Map<String, List<String>> headers) {
        return new Webhook(kind, "POST", url, headers, Webhook.form(form), form.getBytes(),
                "application/x-www-form-urlencoded");
    }

    public static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
