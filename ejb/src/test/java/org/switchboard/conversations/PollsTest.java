package org.switchboard.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A dialogue's poll is checked whole before it is stored, each refusal naming the state and field. */
class PollsTest {

    /** A poll as Vumi Go's editor saved it: an end first, a question, a group step and a choice that starts it. */
    static final String POLL = """
            {"states": [{"uuid": "bye", "type": "end", "text": "Bye", "entry_endpoint": {"uuid": "to-bye"}},
              {"uuid": "age", "type": "freetext", "text": "Age?", "entry_endpoint": {"uuid": "to-age"},
               "exit_endpoint": {"uuid": "from-age"}},
              {"uuid": "club", "type": "group", "group": {"key": "GROUP"}, "entry_endpoint": {"uuid": "to-club"},
               "exit_endpoint": {"uuid": "from-club"}},
              {"uuid": "q", "type": "choice", "text": "Join?", "choice_endpoints": [
               {"value": "y", "label": "Yes", "uuid": "yes"}, {"value": "n", "label": "No", "uuid": "no"}]}],
             "start_state": {"uuid": "q"},
             "connections": [{"source": {"uuid": "yes"}, "target": {"uuid": "to-club"}},
              {"source": {"uuid": "from-club"}, "target": {"uuid": "to-age"}},
              {"source": {"uuid": "no"}, "target": {"uuid": "to-bye"}},
              {"source": {"uuid": "from-age"}, "target": {"uuid": "to-bye"}}]}""";

    @Test
    void aWholePollPassesAndNamesTheGroupsItsGroupStepsUse() {
        assertEquals(Set.of("GROUP"), Polls.check(poll(POLL)));
    }

    @Test
    void eachMistakeIsNamedWhereItIs() {
        assertRefused("poll.states[2].type: \"vote\" is not a state type",
                POLL.replace("\"type\": \"group\"", "\"type\": \"vote\""));
        assertRefused("poll.states[3].choice_endpoints[1]: leads nowhere (no connection from its endpoint \"no\")",
                POLL.replace("{\"source\": {\"uuid\": \"no\"}, \"target\": {\"uuid\": \"to-bye\"}},", ""));
        assertRefused("poll.connections[0].target: no state has the entry endpoint \"to-nowhere\"",
                POLL.replace("\"target\": {\"uuid\": \"to-club\"}", "\"target\": {\"uuid\": \"to-nowhere\"}"));
        assertRefused("poll.start_state.uuid: no state has the uuid \"first\"",
                POLL.replace("\"start_state\": {\"uuid\": \"q\"}", "\"start_state\": {\"uuid\": \"first\"}"));
        assertRefused("poll.states[2].uuid: another state has the uuid \"age\"",
                POLL.replace("{\"uuid\": \"club\"", "{\"uuid\": \"age\""));
        assertRefused("poll.states[1].text: required, a string", POLL.replace("\"text\": \"Age?\",", ""));
        assertRefused("poll.states[2].group.key: required, a string", POLL.replace("{\"key\": \"GROUP\"}", "{}"));
        assertRefused("poll.states[1].exit_endpoint: must be an object",
                POLL.replace("\"exit_endpoint\": {\"uuid\": \"from-age\"}", "\"exit_endpoint\": 3"));
    }

    private static void assertRefused(String message, String json) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Polls.check(poll(json)));
        assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
    }

    private static JsonObject poll(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
