/**
 * Contact import: a CSV or XLSX file read as a stream, its header guessed, its columns mapped to contact fields
 * with normalisers (numbers to E.164 by libphonenumber), checked whole before anything is written (each problem
 * named by its row), then written as a job with progress; Vumi Go's three modes.
 */
package org.switchboard.contacts.imports;
