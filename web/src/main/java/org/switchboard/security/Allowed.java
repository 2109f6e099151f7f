package org.switchboard.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a resource class or method, checked by {@link RolesFeature} as {@code @RolesAllowed} would
 * be. Not {@code @RolesAllowed} itself: on Payara 6 that annotation also brings in the MicroProfile JWT module's own
 * filter, which asks Soteria for the caller on every request, and Soteria then tries to load JBoss, WebLogic and
 * other servers' classes through every jar of the application, each time (measured: see docs/apis.md, "How the edge is
 * built"). Payara's switch for it ({@code jaxrs-roles-allowed-enabled}) is not read for a web module inside an EAR.
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allowed {

    /** The roles, any of which may call ({@link Roles}). */
    String[] value();
}
