/** Health checks and application metrics, through MicroProfile Health and Metrics. */
package org.switchboard.health;
