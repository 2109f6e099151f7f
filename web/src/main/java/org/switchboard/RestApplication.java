package org.switchboard;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** All HTTP APIs hang from the root, so Junebug clients find {@code /channels/{id}/messages} where they expect it. */
@ApplicationPath("/")
public class RestApplication extends Application {

    /** Error answers keep the body the API gave them, never the server's HTML error page (which names its version). */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.response.setStatusOverSendError", true);
    }
}
