package org.switchboard.errors;

/** A request body that is not JSON; the message is CPython's words for what is wrong ({@link PythonJson}). */
public class InvalidJsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidJsonException(String pythonMessage) {
        super(pythonMessage);
    }
}
