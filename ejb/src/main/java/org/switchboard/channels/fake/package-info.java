/**
 * The fake vendor, after Spoke's fakeservice: accepts every message, refuses those whose text contains
 * {@code errorNNN}, answers {@code autorespond} with an inbound "responding to ...", and holds {@code delayNNN}
 * messages for NNN milliseconds like a slow vendor would.
 */
package org.switchboard.channels.fake;
