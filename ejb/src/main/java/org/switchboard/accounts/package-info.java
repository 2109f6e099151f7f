/** Accounts: the tenants that own channels, conversations, messages and contacts, and their API credentials. */
package org.switchboard.accounts;
