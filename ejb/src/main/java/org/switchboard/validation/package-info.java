/** Input checked against what it will be stored in, before it is written. */
package org.switchboard.validation;
