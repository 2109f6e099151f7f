package org.switchboard;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All HTTP APIs hang from the root, so Junebug clients find {@code /channels/{id}/messages} where they expect it. */
@ApplicationPath("/")
public class RestApplication extends Application {
}
