package org.switchboard.counts.rest;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.switchboard.accounts.rest.AdminAuth;
import org.switchboard.counts.Counts;
import org.switchboard.counts.MessageCounts;
import org.switchboard.errors.ApiException;
import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;

/**
 * An account's message and event counts over time, from the roll-ups: Vumi Go's dashboard counters
 * ({@code ?bucket=quarter|hour|day&start=&end=}; the last 24 hours by hour unless said, 30 days by day), as of the
 * last fold. A conversation's are {@link ConversationCountsResource}'s.
 */
@Allowed(Roles.OPERATOR)
@Path("api/admin/accounts/{account_id}/counts")
@Produces(MediaType.APPLICATION_JSON)
public class CountsResource {

    /** The most buckets one answer has. */
    static final int MAX_BUCKETS = 5_000;

    @Inject
    AdminAuth admin;

    @Inject
    MessageCounts counts;

    @GET
    @APIResponse(responseCode = "200", description = "The account's counts per bucket, as of counted_until", content = @Content(schema = @Schema(ref = "Counts")))
    public String account(@PathParam("account_id") String accountId, @QueryParam("bucket") String bucket,
            @QueryParam("start") String start, @QueryParam("end") String end) {
        admin.account(accountId);
        Range range = range(bucket, start, end);
        return json(range, counts.account(accountId, range.size(), range.start(), range.end()));
    }

    record Range(MessageCounts.Size size, Instant start, Instant end) {
    }

    static Range range(String bucket, String start, String end) {
        MessageCounts.Size size = switch (bucket == null ? "hour" : bucket) {
            case "quarter", "15m" -> MessageCounts.Size.QUARTER;
            case "hour" -> MessageCounts.Size.HOUR;
            case "day" -> MessageCounts.Size.DAY;
            default -> throw ApiException.badRequest("'bucket' must be quarter, hour or day");
        };
        Instant to = end == null ? Instant.now() : time("end", end);
        Instant from = start == null
                ? to.minus(size == MessageCounts.Size.DAY ? Duration.ofDays(30) : Duration.ofHours(24))
                : time("start", start);
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("'start' must be before 'end'");
        }
        if (Duration.between(from, to).dividedBy(size.length) > MAX_BUCKETS) {
            throw ApiException.badRequest("The range holds more than " + MAX_BUCKETS + " buckets of a " + size.name()
                    .toLowerCase(java.util.Locale.ROOT) + "; ask for a larger bucket or a shorter range");
        }
        return new Range(size, from, to);
    }

    private static Instant time(String name, String value) {
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' must be a date (2026-12-01) or a time with its offset"
                    + " (2026-12-01T10:00:00Z)");
        }
    }

    static String json(Range range, MessageCounts.Report report) {
        var buckets = JSON.createArrayBuilder();
        report.buckets().forEach(b -> buckets.add(counts(JSON.createObjectBuilder().add("start",
                b.start().toString()), b.counts())));
        return JSON.createObjectBuilder()
                .add("bucket", range.size().name().toLowerCase(java.util.Locale.ROOT))
                .add("start", range.start().toString())
                .add("end", range.end().toString())
                .add("counted_until", report.countedUntil().toString())
                .add("total", counts(JSON.createObjectBuilder(), report.total()))
                .add("buckets", buckets)
                .build().toString();
    }

    private static JsonObjectBuilder counts(JsonObjectBuilder json, Counts c) {
        json.add("received", c.received()).add("sent", c.sent()).add("acks", c.acks()).add("nacks", c.nacks())
                .add("delivered", c.delivered()).add("delivery_failed", c.deliveryFailed())
                .add("delivery_pending", c.deliveryPending());
        if (c.uniqueSenders() != null) {
            json.add("unique_senders", c.uniqueSenders()).add("unique_recipients", c.uniqueRecipients());
        }
        return json;
    }
}
