/** Opt-outs over Vumi Go's REST API. */
package org.switchboard.optouts.rest;
