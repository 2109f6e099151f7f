/** The error formats of the HTTP APIs and the exception mappers that answer in them. */
package org.switchboard.errors;
