package org.switchboard.messages.junebug;

/** A request the Junebug API refuses with a 400, described as vumi2 describes it. */
public class JunebugRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String description;
    private final String type;

    public JunebugRequestException(String description, String type, String message) {
        super(message);
        this.description = description;
        this.type = type;
    }

    public String description() {
        return description;
    }

    public String type() {
        return type;
    }
}
