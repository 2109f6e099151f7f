package org.switchboard.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.switchboard.errors.ApiException;

/**
 * Answers a client that sent too many wrong credentials ({@link LoginThrottle}) with 429 and {@code Retry-After}, in
 * the error format of the API it called, before any resource (or the role check) sees the request.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ThrottleFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getProperty(ApiAuthentication.THROTTLED) instanceof Long seconds) {
            throw ApiException.of(Response.Status.TOO_MANY_REQUESTS, "Too many wrong credentials from this client,"
                    + " or for this account from clients that never logged in to it: try again in " + seconds
                    + " s").retryAfter(seconds);
        }
    }
}
