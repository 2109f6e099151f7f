/**
 * Campaigns: the ready-made apps an organisation runs without writing code (Vumi Go's static_reply, opt_out,
 * subscription, bulk_message), and bulk sends as jobs with a state and counts, resumable after a crash.
 */
package org.switchboard.campaigns;
