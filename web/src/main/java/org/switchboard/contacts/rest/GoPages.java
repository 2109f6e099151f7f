package org.switchboard.contacts.rest;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.switchboard.contacts.ContactsApi;
import org.switchboard.errors.ApiException;

/** The pages of go-contacts-api: {@code {"cursor", "data"}} a page at a time, or every page streamed. */
public final class GoPages {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    private GoPages() {
    }

    /** A page: the items and the cursor of the next page (null on the last, written as null). */
    @JsonbNillable
    public record Page(String cursor, List<JsonObject> data) {
    }

    /** The page after the cursor as {@code {"cursor", "data"}}, or (go-contacts-api's ?stream=true) every page. */
    static Response pageOrStream(Function<String, ContactsApi.Page> pages, String cursor, boolean stream) {
        if (!stream) {
            ContactsApi.Page page = pages.apply(cursor);
            return Response.ok(new Page(page.next(), page.data())).build();
        }
        StreamingOutput output = out -> {
            String after = null;
            while (true) {
                ContactsApi.Page page = pages.apply(after);
                for (JsonObject contact : page.data()) {
                    out.write((contact + "\n").getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
                if (page.next() == null) {
                    return;
                }
                after = page.next();
            }
        };
        return Response.ok(output, MediaType.APPLICATION_JSON).build();
    }

    static int limit(Integer maxResults) {
        return maxResults == null ? DEFAULT_PAGE : Math.max(1, Math.min(maxResults, MAX_PAGE));
    }

    static String text(JsonObject fields, String name) {
        JsonValue value = fields.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw ApiException.badRequest("'" + name + "' must be a string");
    }
}
