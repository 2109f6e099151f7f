package org.switchboard.messages;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * POSTs JSON to customers' URLs (event_url, mo_message_url), with {@code Authorization: Token ...} when a token is
 * given, or Basic credentials taken from the URL, as Junebug does.
 */
@ApplicationScoped
public class WebhookClient {

    /** Junebug's event_url_timeout and mo_message_url_timeout. */
    private static final long TIMEOUT_SECONDS = 10;

    private Client client;

    @PostConstruct
    void open() {
        client = ClientBuilder.newBuilder()
                .connectTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .readTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * POSTs the body and fails unless the receiver answers 2xx, so the caller's transaction rolls back and the
     * queue tries again.
     */
    public void post(String url, String token, JsonObject body) {
        URI uri = URI.create(url);
        String userInfo = uri.getRawUserInfo();
        Invocation.Builder request = client.target(withoutUserInfo(uri)).request();
        if (token != null) {
            request.header("Authorization", "Token " + token);
        } else if (userInfo != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(URLDecoder.decode(userInfo, StandardCharsets.UTF_8)
                            .getBytes(StandardCharsets.UTF_8)));
        }
        try (Response response = request.post(Entity.json(body.toString()))) {
            if (response.getStatus() / 100 != 2) {
                throw new WebhookFailedException(withoutUserInfo(uri) + " answered HTTP " + response.getStatus());
            }
        } catch (ProcessingException e) {
            throw new WebhookFailedException(withoutUserInfo(uri) + " could not be reached: "
                    + String.valueOf(e.getMessage()).replace(url, withoutUserInfo(uri).toString()));
        }
    }

    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        return URI.create(uri.toString().replace(uri.getRawUserInfo() + "@", ""));
    }

    /** A receiver refused a webhook or could not be reached. */
    public static class WebhookFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public WebhookFailedException(String message) {
            super(message);
        }
    }
}
