/**
 * Counts that stay fast: each account's and conversation's messages and events per 15 minutes, and the distinct
 * addresses per day, folded in from the stored rows a little behind them ({@link org.switchboard.counts.CountFold})
 * and read with the rows since ({@link org.switchboard.counts.MessageCounts}), so no read counts the message table.
 */
package org.switchboard.counts;
