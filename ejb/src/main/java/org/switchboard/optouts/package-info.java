/** Opt-outs: addresses that asked an account not to message them. */
package org.switchboard.optouts;
