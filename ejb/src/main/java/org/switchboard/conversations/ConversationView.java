package org.switchboard.conversations;

import jakarta.json.JsonObject;
import org.switchboard.json.JsonStrings;
import org.switchboard.secrets.Secrets;

/**
 * A conversation as the admin API and the web UI show it: a jsbox or ready-made app's config as it is, an API's settings with their
 * secrets masked; a jsbox's code version and whether it runs a bundle (and from which file).
 *
 * @param apiToken an http_api conversation's new token, in the one answer that shows it; else null
 */
public record ConversationView(String id, String accountId, Conversation.Type type, String name, JsonObject config,
        String codeVersion, boolean bundle, String main, String apiToken) {

    static ConversationView of(Conversation conversation, String apiToken) {
        boolean jsbox = conversation.getType() == Conversation.Type.JSBOX;
        return new ConversationView(conversation.getId(), conversation.getAccountId(), conversation.getType(),
                conversation.getName(), jsbox || conversation.getType().readyMade()
                        ? JsonStrings.object(conversation.getConfig())
                        : Secrets.masked(JsonStrings.object(conversation.getSettings())),
                jsbox ? conversation.getCodeVersion() : null, conversation.getBundle() != null,
                conversation.getBundleMain(), apiToken);
    }
}
