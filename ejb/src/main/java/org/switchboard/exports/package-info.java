/**
 * Exports that finish: contacts (all, a group, a search) and a conversation's messages (received, sent, events; a
 * date range) as CSV or JSON lines, written as a job to a file kept for a while, streamed from the database.
 */
package org.switchboard.exports;
