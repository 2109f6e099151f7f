/** Contacts of an account, indexed by Hibernate Search so apps and APIs can find them with Lucene queries. */
package org.switchboard.contacts;
