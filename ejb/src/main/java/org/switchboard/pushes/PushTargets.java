package org.switchboard.pushes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.switchboard.engine.Pusher;

/**
 * Whether a URL may be pushed to: checked when a URL is given (an event_url, a channel's mo_message_url, a
 * conversation's push URLs), so it is refused with a 400 before anything is stored, by the rule the pushes use at
 * each attempt ({@code switchboard.push.allowed-networks}).
 */
@ApplicationScoped
public class PushTargets {

    @Inject
    Pusher pusher;

    /**
     * The URL, when pushes may reach it.
     *
     * @throws IllegalArgumentException saying why not (not http(s), an unknown host, a private address)
     */
    public URI check(String url) {
        return pusher.guard().check(url);
    }
}
