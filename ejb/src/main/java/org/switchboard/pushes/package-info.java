/**
 * Pushes to customers' URLs (Junebug event_url and mo_message_url, later the Vumi Go HTTP API's push URLs), all on
 * one durable path: stored with the event or message they carry, tried with back-off, then kept as failed for an
 * operator to list, inspect and replay.
 */
package org.switchboard.pushes;
