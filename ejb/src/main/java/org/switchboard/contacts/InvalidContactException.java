package org.switchboard.contacts;

import jakarta.ejb.ApplicationException;

/**
 * A contact or group change that was refused (unknown field, wrong type, unknown group). It leaves the caller's
 * transaction alone: a sandbox app that sends a bad field gets a failure reply and carries on.
 */
@ApplicationException(rollback = false)
public class InvalidContactException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidContactException(String message) {
        super(message);
    }
}
