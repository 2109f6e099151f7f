/**
 * SQL that both databases read alike and use their indexes for. Plumbing: it imports no feature.
 */
package org.switchboard.sql;
