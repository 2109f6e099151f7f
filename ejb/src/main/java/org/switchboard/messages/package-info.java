/**
 * The message store: every inbound and outbound message and its events, and their wire shapes (Vumi's and
 * Junebug's). A record layer: it imports only plumbing and accounts; the engine moves these rows and the features
 * read them. The broker carries ids after the commit, never the rows ({@code engine}).
 */
package org.switchboard.messages;
