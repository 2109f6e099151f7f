/**
 * The message engine: what moves accepted messages, events and pushes along, fast and without losing any.
 *
 * <p>The database is the record. A write the APIs answer for commits in a group ({@link GroupCommit}: many requests'
 * rows in one local transaction) before the API says yes; the engine's own stages run after commits, in memory, and
 * pick up from the rows after a restart ({@link Recovery}). Vendors and outside URLs are called outside any
 * transaction. See ARCHITECTURE.md, "Message engine".
 */
package org.switchboard.engine;
