/** The streams of Vumi Go's streaming HTTP API. */
package org.switchboard.streams;
