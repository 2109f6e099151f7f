/**
 * Where messages and events go once stored: an inbound message to its channel's conversation (a jsbox app, an HTTP
 * push, a Junebug push or a stream), an event to the app that listens for it, and who hears of a message's events
 * ({@link org.switchboard.routing.ConversationAudience}, the engine's {@code EventAudience}). The top of the domain: it
 * knows channels, conversations and the sandbox; none of them knows it.
 */
package org.switchboard.routing;
