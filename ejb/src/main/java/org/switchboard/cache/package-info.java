/**
 * Short caches of rows read by id, with one rule: what nobody changed is reused for a few seconds; what was changed
 * through the platform is dropped when its change commits ({@link org.switchboard.cache.Changed}, a CDI event), so the
 * next request reads it again. Plumbing: it imports no feature.
 */
package org.switchboard.cache;
