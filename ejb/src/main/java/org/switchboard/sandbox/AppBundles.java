package org.switchboard.sandbox;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import org.switchboard.conversations.Bundles;
import org.switchboard.conversations.Conversation;
import org.switchboard.sandbox.api.AppCode;

/**
 * Turns a conversation's stored code into what the sandbox runs, keeping recently used bundles unpacked (by code
 * version, so an update is never served stale).
 */
@ApplicationScoped
public class AppBundles {

    private static final int CACHED = 64;

    /** Unpacked bundles by code version (a version names its code, so nothing here is ever stale): the least used go. */
    private final Cache<String, AppCode> unpacked = Caffeine.newBuilder().maximumSize(CACHED).build();

    /** The code of a jsbox conversation. */
    public AppCode code(Conversation conversation) {
        String version = conversation.getCodeVersion();
        byte[] bundle = conversation.getBundle();
        if (bundle == null) {
            String js = conversation.getJavascript();
            return AppCode.script(version, js == null ? "" : js);
        }
        return unpacked.get(version, v -> new AppCode(v, conversation.getBundleMain(), Bundles.unpack(bundle)));
    }
}
