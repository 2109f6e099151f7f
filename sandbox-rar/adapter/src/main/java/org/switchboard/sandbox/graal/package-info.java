/**
 * The sandbox resource adapter: runs Vumi sandbox apps on one shared GraalJS engine, a fresh context per invocation,
 * under wall-clock and statement limits. Everything GraalJS stays in this package.
 */
package org.switchboard.sandbox.graal;
