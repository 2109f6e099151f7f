package org.switchboard.ui;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The platform's address in a browser: {@code /} leads to the web UI's home (the login page first, if need be). */
@Path("/")
public class UiRedirect {

    @GET
    @PermitAll
    public Response home() {
        return Response.seeOther(URI.create(UiPaths.HOME)).build();
    }
}
