/** Who calls the HTTP APIs: Jakarta Security's mechanism and identity store, and the roles of the resources. */
package org.switchboard.security;
