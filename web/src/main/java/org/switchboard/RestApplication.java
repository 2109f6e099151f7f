package org.switchboard;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.switchboard.security.Roles;

/** All HTTP APIs hang from the root, so Junebug clients find {@code /channels/{id}/messages} where they expect it. */
@ApplicationPath("/")
@DeclareRoles({Roles.OPERATOR, Roles.ACCOUNT, Roles.CONVERSATION})
public class RestApplication extends Application {

    /**
     * Error answers keep the body the API gave them, never the server's HTML error page (which names its version); no
     * WADL (Jersey's description of the resources, which names its version) answers {@code OPTIONS}.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.response.setStatusOverSendError", true,
                "jersey.config.server.wadl.disableWadl", true);
    }
}
