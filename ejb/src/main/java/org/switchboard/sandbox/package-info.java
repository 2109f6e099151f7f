/**
 * The platform side of the JavaScript sandbox: runs a jsbox conversation's app through the sandbox adapter and
 * answers its resource commands (outbound, kv, log, config).
 */
package org.switchboard.sandbox;
