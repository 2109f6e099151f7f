/**
 * The account's routing table, Vumi Go's model ({@code go/vumitools/routing_table.py}): entries from a connector's
 * endpoint to another's, channels on one side, conversations on the other, routers between. A record, as messages
 * are: it stores and reads the table and follows it; what routers decide and which connectors exist is the routing
 * feature's ({@code org.switchboard.routing}).
 */
package org.switchboard.routes;
