/** Secrets at rest: columns encrypted under the domain's key, held as a Payara password alias. */
package org.switchboard.secrets;
