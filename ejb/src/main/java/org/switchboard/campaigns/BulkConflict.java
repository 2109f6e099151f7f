package org.switchboard.campaigns;

/** A bulk send request that conflicts with what is: the same send lately, or a state it cannot move from. */
@jakarta.ejb.ApplicationException(rollback = true)
public class BulkConflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BulkConflict(String message) {
        super(message);
    }
}
