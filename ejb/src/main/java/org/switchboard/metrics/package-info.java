/** Account metrics fired by apps and APIs, kept per store, name and aggregator. */
package org.switchboard.metrics;
