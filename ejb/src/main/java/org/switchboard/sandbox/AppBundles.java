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

    /** The dialogue app the platform ships (resources: org/switchboard/sandbox/dialogue.js), named by its digest. */
    static final AppCode DIALOGUE = dialogueApp();

    /** The code of a jsbox conversation, or of a dialogue's: the platform's dialogue app. */
    public AppCode code(Conversation conversation) {
        if (conversation.getType() == Conversation.Type.DIALOGUE) {
            return DIALOGUE;
        }
        String version = conversation.getCodeVersion();
        byte[] bundle = conversation.getBundle();
        if (bundle == null) {
            String js = conversation.getJavascript();
            return AppCode.script(version, js == null ? "" : js);
        }
        return unpacked.get(version, v -> new AppCode(v, conversation.getBundleMain(), Bundles.unpack(bundle)));
    }

    private static AppCode dialogueApp() {
        try (var in = AppBundles.class.getResourceAsStream("dialogue.js")) {
            if (in == null) {
                throw new IllegalStateException("The dialogue app is missing from the platform");
            }
            String js = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(js.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return AppCode.script("dialogue-" + java.util.HexFormat.of().formatHex(digest, 0, 8), js);
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("The dialogue app could not be read", e);
        }
    }
}
