package org.switchboard.messages;

import jakarta.ejb.ApplicationException;

/** The message a request names (a reply_to, a message id) is not one of the account's. */
@ApplicationException(rollback = true)
public class MessageNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MessageNotFoundException(String message) {
        super(message);
    }
}
