package org.switchboard.metrics.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.switchboard.metrics.MetricService;
import org.switchboard.sandbox.AppScope;
import org.switchboard.sandbox.SandboxResource;
import org.switchboard.sandbox.api.SandboxHost.UnknownCommandException;

/** The {@code metrics} resource: {@code fire {store = "default", metric, value, agg}} stores an account metric. */
@ApplicationScoped
public class MetricsResource implements SandboxResource {

    @Inject
    MetricService metrics;

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public JsonObject handle(String command, JsonObject fields, AppScope app) throws UnknownCommandException {
        if (!command.equals("fire")) {
            throw SandboxResource.unknown(name(), command);
        }
        JsonValue value = fields.get("value");
        double number;
        if (value instanceof JsonNumber n) {
            number = n.doubleValue();
        } else if (value instanceof JsonString text) {
            try {
                number = Double.parseDouble(text.getString());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The metric value '" + text.getString() + "' is not a number");
            }
        } else {
            throw new IllegalArgumentException("The command needs 'value' as a number");
        }
        metrics.fire(app.accountId(), fields.getString("store", "default"), SandboxResource.required(fields, "metric"),
                number, SandboxResource.required(fields, "agg"));
        return SandboxResource.success().build();
    }
}
