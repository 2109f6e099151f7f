/** The Junebug Message API (seed 002): send messages on a channel and read their status and events. */
package org.switchboard.messages.junebug;
