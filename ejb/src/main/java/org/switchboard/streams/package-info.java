/** The streams of Vumi Go's streaming HTTP API: lines fanned out to the clients of a conversation. Plumbing. */
package org.switchboard.streams;
