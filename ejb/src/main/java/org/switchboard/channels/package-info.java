/** Channels: the addresses an account sends from and receives on, each bound to a vendor connector. */
package org.switchboard.channels;
