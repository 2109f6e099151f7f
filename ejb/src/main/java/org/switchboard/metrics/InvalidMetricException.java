package org.switchboard.metrics;

import jakarta.ejb.ApplicationException;

/** A metric Vumi Go would not take; the caller's transaction carries on. */
@ApplicationException(rollback = false)
public class InvalidMetricException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidMetricException(String message) {
        super(message);
    }
}
