package org.switchboard.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Where an app multiplexer's session with one address stands (Vumi Go kept it in Redis for {@code session_expiry}):
 * the menu shown and awaiting a choice, or an endpoint chosen. Kept in the database, so it outlives a restart.
 */
@Entity
@Table(name = "router_session")
@IdClass(RouterSession.Key.class)
public class RouterSession {

    /** Vumi Go's states after start: the menu is shown, a wrong choice was told so, or a choice is made. */
    public enum State {
        SELECT, BAD_INPUT, SELECTED
    }

    /** The key: the router and the address. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String routerId;
        private String address;

        public Key() {
        }

        public Key(String routerId, String address) {
            this.routerId = routerId;
            this.address = address;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.routerId.equals(routerId) && key.address.equals(address);
        }

        @Override
        public int hashCode() {
            return Objects.hash(routerId, address);
        }
    }

    @Id
    @Column(name = "router_id")
    private String routerId;

    @Id
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    /** The endpoints the menu showed, one per line (a choice is read against them), or the one chosen. */
    @Column(length = 4096)
    private String endpoint;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected RouterSession() {
    }

    public RouterSession(String routerId, String address) {
        this.routerId = routerId;
        this.address = address;
    }

    public State getState() {
        return state;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    /** Moves the session on, and keeps it {@code ttl} seconds from now. */
    public void set(State state, String endpoint, Instant expiresAt) {
        this.state = state;
        this.endpoint = endpoint;
        this.expiresAt = expiresAt;
    }
}
