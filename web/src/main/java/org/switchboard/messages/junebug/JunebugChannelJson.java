package org.switchboard.messages.junebug;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;
import org.switchboard.channels.ChannelService;
import org.switchboard.channels.ChannelView;
import org.switchboard.engine.ChannelActivity;
import org.switchboard.json.StrictRecords;
import org.switchboard.secrets.Secrets;

/**
 * A channel as Junebug's channel API answers it: its properties (secrets masked) with its status (the vendor's state,
 * messages and events a second), and its log lines as Junebug's logs endpoint writes them.
 */
@ApplicationScoped
public class JunebugChannelJson {

    @Inject
    ChannelActivity activity;

    static JsonObject logLine(ChannelService.LogLine line) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("logger", line.channelId())
                .add("level", line.level())
                .add("timestamp", line.timestamp().getEpochSecond() + line.timestamp().getNano() / 1e9)
                .add("message", line.message());
        if (line.reason() != null) {
            // Junebug wrote the exception's class and stack here; they are internals, kept in the server's log
            json.add("exception", JSON.createObjectBuilder().add("instance", line.reason()));
        }
        return json.build();
    }

    /** The channel's properties (secrets masked), its id and its status. */
    public JsonObject of(ChannelView channel) {
        JsonObjectBuilder view = JSON.createObjectBuilder(Secrets.masked(StrictRecords.write(
                JunebugChannels.View.of(channel))));
        JsonObjectBuilder components = JSON.createObjectBuilder();
        String worst = null;
        var vendor = activity.vendor(channel.id());
        if (vendor.isPresent()) {
            ChannelActivity.Component state = vendor.get();
            components.add(state.component(), JSON.createObjectBuilder()
                    .add("component", state.component())
                    .add("channel_id", channel.id())
                    .add("status", state.status())
                    .add("details", JSON.createObjectBuilder().add("since", state.since().toString()))
                    .add("message", state.message() == null ? "" : state.message())
                    .add("type", state.type()));
            worst = state.status();
        }
        JsonObjectBuilder status = JSON.createObjectBuilder()
                .add("status", worst == null ? JsonValue.NULL : JSON.createValue(worst))
                .add("components", components);
        for (Map.Entry<ChannelActivity.Rate, Double> rate : activity.rates(channel.id()).entrySet()) {
            status.add(rate.getKey().field(), rate.getValue());
        }
        return view.add("status", status).build();
    }
}
