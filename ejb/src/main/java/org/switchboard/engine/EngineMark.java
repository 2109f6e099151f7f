package org.switchboard.engine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A point in time the engine keeps across restarts: {@link #eventPushes} of an instance says that every event it
 * stored before it either reached its event_url or has a push row of its own, so after a crash only the events since
 * need looking at.
 */
@Entity
@Table(name = "engine_mark")
public class EngineMark {

    private static final String EVENT_PUSHES = "event-pushes-settled";

    /** The name of an instance's settled mark. */
    public static String eventPushes(String instance) {
        // the one instance of a plain domain ("server") keeps the name the mark had before there were several
        return "server".equals(instance) ? EVENT_PUSHES : EVENT_PUSHES + "@" + instance;
    }

    @Id
    @Column(length = 64)
    private String name;

    @Column(name = "at_time", nullable = false)
    private Instant at;

    protected EngineMark() {
    }

    public EngineMark(String name, Instant at) {
        this.name = name;
        this.at = at;
    }

    public String getName() {
        return name;
    }

    public Instant getAt() {
        return at;
    }
}
