package org.switchboard.contacts.imports;

/** A request an import cannot take in the state it is in (started twice, cancelled when done). */
@jakarta.ejb.ApplicationException(rollback = true)
public class ImportConflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImportConflict(String message) {
        super(message);
    }
}
