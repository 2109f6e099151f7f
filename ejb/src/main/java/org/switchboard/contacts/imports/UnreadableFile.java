package org.switchboard.contacts.imports;

/** A file that cannot be read as a sheet, said in words a person can act on (and where, when it is a row). */
public class UnreadableFile extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnreadableFile(String message) {
        super(message);
    }
}
