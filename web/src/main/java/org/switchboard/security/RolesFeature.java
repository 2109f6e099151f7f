package org.switchboard.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;

/**
 * Enforces {@link Allowed} (and {@code @RolesAllowed}) on resource methods and classes (the method's wins): a request without a caller gets
 * {@link NotAuthorizedException} (401) and one whose caller has none of the roles {@link ForbiddenException} (403),
 * each answered by the resource's API in its own error format. Jersey's own RolesAllowedDynamicFeature answers 403 to
 * both, which tells a client without credentials nothing about sending them.
 */
@Provider
public class RolesFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceMethod().isAnnotationPresent(PermitAll.class)) {
            return;
        }
        String[] roles = roles(resource.getResourceMethod().getAnnotation(Allowed.class),
                resource.getResourceMethod().getAnnotation(RolesAllowed.class));
        if (roles == null) {
            roles = roles(resource.getResourceClass().getAnnotation(Allowed.class),
                    resource.getResourceClass().getAnnotation(RolesAllowed.class));
        }
        if (roles != null) {
            context.register(new Check(roles));
        }
    }

    private static String[] roles(Allowed allowed, RolesAllowed rolesAllowed) {
        return allowed != null ? allowed.value() : rolesAllowed != null ? rolesAllowed.value() : null;
    }

    /** The check of one resource method's roles. */
    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {
        private final String[] roles;

        Check(String[] roles) {
            this.roles = roles.clone();
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getSecurityContext().getUserPrincipal() == null) {
                boolean refused = Boolean.TRUE.equals(request.getProperty(ApiAuthentication.REFUSED));
                throw new NotAuthorizedException(refused
                        ? "The credentials were not accepted"
                        : "This API needs credentials", "Basic realm=\"switchboard\"");
            }
            if (Arrays.stream(roles).noneMatch(role -> request.getSecurityContext().isUserInRole(role))) {
                throw new ForbiddenException("These credentials do not give access to this resource; it needs "
                        + String.join(" or ", roles) + " credentials");
            }
        }
    }
}
