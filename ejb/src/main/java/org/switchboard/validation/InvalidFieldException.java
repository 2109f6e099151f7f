package org.switchboard.validation;

/** Input that does not fit where it would be stored: answered as a client error (400, or success: false). */
public class InvalidFieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidFieldException(String message) {
        super(message);
    }
}
