/**
 * Conversations: the running apps of an account (jsbox, junebug, http_api), their settings, and what their APIs' sends
 * become ({@link org.switchboard.conversations.HttpApiSends}). Changed and shown through
 * {@link org.switchboard.conversations.ConversationService} as {@code ConversationChange} and {@code ConversationView}.
 * Where a stored inbound message goes is {@code routing}'s.
 */
package org.switchboard.conversations;
