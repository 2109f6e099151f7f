/**
 * The database schema: Flyway's versioned migrations (in {@code db/migration/h2}, {@code db/migration/postgresql}
 * and {@code db/migration/common}) bring a database to what the entities expect before Hibernate checks it
 * ({@code hibernate.hbm2ddl.auto=validate}).
 * Plumbing: it imports no feature, and no feature imports it.
 */
package org.switchboard.schema;
