/** Which outside addresses the platform may reach on behalf of a customer: the sandbox's http resource and pushes. */
package org.switchboard.net;
