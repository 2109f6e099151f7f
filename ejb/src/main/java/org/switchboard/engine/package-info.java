/**
 * The message engine, the domain's lower layer: what moves accepted messages, events and pushes along, fast and
 * without losing any. It moves rows of the message store and calls ports that the features above implement
 * ({@link org.switchboard.engine.ChannelPort}: channels and their vendors; {@link org.switchboard.engine.EventAudience}:
 * who hears of events); it imports no feature.
 *
 * <p>The database is the record. A write the APIs answer for commits in a group ({@link GroupCommit}: many requests'
 * rows in one local transaction) before the API says yes; the engine's own stages run after commits, in memory, and
 * pick up from the rows after a restart ({@link Recovery}). Vendors and outside URLs are called outside any
 * transaction; every retry waits as {@link Backoff} says. The beans' collaborators are package-private fields, so that
 * the unit tests of this package hand in fakes. See docs/engine.md.
 */
package org.switchboard.engine;
