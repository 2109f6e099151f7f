package org.switchboard.validation;

import jakarta.ejb.ApplicationException;

/**
 * Input that does not fit where it would be stored: answered as a client error (400, or success: false). Nothing was
 * written when it is thrown, so the caller's transaction goes on.
 */
@ApplicationException(rollback = false)
public class InvalidFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidFieldException(String message) {
        super(message);
    }
}
