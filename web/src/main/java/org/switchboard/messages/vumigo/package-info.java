/** Vumi Go's HTTP API (seed 001): conversations that outside applications send, receive and fire metrics through. */
package org.switchboard.messages.vumigo;
