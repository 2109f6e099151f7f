package org.switchboard.messages;

/**
 * A queued id whose row is not visible: the queue may deliver before the database commit is seen (payara/Payara#7481),
 * so the consumer rolls back and the broker delivers the id again after its redelivery delay.
 */
public class RowNotVisibleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RowNotVisibleException(String message) {
        super(message);
    }
}
