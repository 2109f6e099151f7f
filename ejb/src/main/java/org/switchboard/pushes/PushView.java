package org.switchboard.pushes;

import java.time.Instant;
import org.switchboard.engine.Push;
import org.switchboard.net.AddressGuard;

/** A stored push as the operator sees it: where it goes (without the URL's credentials), how it stands, its body. */
public record PushView(String id, String accountId, String conversationId, String channelId, Push.Kind kind,
        String subjectId, String url, Push.State state, int attempts, Instant nextAttemptAt, String lastError,
        Instant createdAt, Instant deliveredAt, String body) {

    static PushView of(Push push) {
        return new PushView(push.getId(), push.getAccountId(), push.getConversationId(), push.getChannelId(),
                push.getKind(), push.getSubjectId(), AddressGuard.withoutUserInfo(push.getUrl()),
                push.getState(), push.getAttempts(), push.getNextAttemptAt(), push.getLastError(),
                push.getCreatedAt(), push.getDeliveredAt(), push.getBody());
    }
}
