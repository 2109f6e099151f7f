/**
 * Secrets: columns encrypted under the domain's key (a Payara password alias), and settings shown with their
 * secrets masked. Plumbing.
 */
package org.switchboard.secrets;
