/** Conversations: the running apps of an account, and the routing of inbound messages to them. */
package org.switchboard.conversations;
