/**
 * Messages and their events: every inbound and outbound message is stored, and every hop between services is a
 * durable Artemis queue that commits with the database.
 */
package org.switchboard.messages;
