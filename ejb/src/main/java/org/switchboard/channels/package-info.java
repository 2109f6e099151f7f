/**
 * Channels: the addresses an account sends from and receives on, each on a service vendor ({@link
 * org.switchboard.channels.ServiceVendor}, found by CDI). Implements the engine's {@code ChannelPort}
 * ({@link org.switchboard.channels.ChannelLanes}) and takes the vendors' webhooks in.
 */
package org.switchboard.channels;
