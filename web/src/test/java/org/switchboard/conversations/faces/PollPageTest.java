package org.switchboard.conversations.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.conversations.Polls;
import org.switchboard.json.JsonStrings;

/** The poll editor reads Vumi Go's dialogue JSON and writes it back whole and runnable, and says what is wrong in words. */
class PollPageTest {

    static final String POLL = """
            {"start_state": {"uuid": "colour"}, "poll_metadata": {"repeatable": false},
             "states": [
              {"uuid": "colour", "type": "choice", "name": "Colour", "store_as": "colour", "text": "Favourite colour?",
               "user_defined_store_as": true,
               "choice_endpoints": [{"value": "red", "label": "Red", "uuid": "e-red"},
                                    {"value": "blue", "label": "Blue", "uuid": "e-blue"}]},
              {"uuid": "join", "type": "group", "name": "Join", "group": {"key": "GROUP"},
               "entry_endpoint": {"uuid": "in-join"}, "exit_endpoint": {"uuid": "out-join"}},
              {"uuid": "bye", "type": "end", "name": "Bye", "text": "Thank you", "entry_endpoint": {"uuid": "in-bye"}}],
             "connections": [{"source": {"uuid": "e-red"}, "target": {"uuid": "in-join"}},
                             {"source": {"uuid": "out-join"}, "target": {"uuid": "in-bye"}},
                             {"source": {"uuid": "e-blue"}, "target": {"uuid": "in-bye"}}]}""";

    @Test
    void aPollReadAndWrittenBackKeepsItsStepsWaysAndUnshownFields() {
        PollPage page = new PollPage();
        page.read(JsonStrings.object(POLL));
        assertEquals(3, page.getStates().size());
        assertEquals("join", page.getStates().get(0).getChoices().get(0).getNext(), "Red leads to the group");
        assertEquals("bye", page.getStates().get(1).getNext());
        assertNull(page.problem());

        JsonObject written = page.poll();
        assertEquals(Set.of("GROUP"), Polls.check(written), "valid by the API's rules");
        assertEquals(3, written.getJsonArray("connections").size());
        assertEquals("colour", written.getJsonObject("start_state").getString("uuid"));
        assertTrue(written.getJsonArray("states").getJsonObject(0).getBoolean("user_defined_store_as"),
                "a field the editor does not show is kept");
        assertEquals("in-join", written.getJsonArray("states").getJsonObject(1).getJsonObject("entry_endpoint")
                .getString("uuid"), "endpoints keep their uuids");
    }

    @Test
    void aStepThatLeadsNowhereIsNamedAndANewStepGetsItsEndpoints() {
        PollPage page = new PollPage();
        page.read(JsonStrings.object(POLL));
        page.setNewType("freetext");
        page.addState();
        PollPage.State asked = page.getStates().get(3);
        asked.setName("Name");
        asked.setText("Your name?");
        assertEquals("'Name' leads nowhere: choose the next step, or end the poll with an end step", page.problem());
        asked.setNext("bye");
        page.getStates().get(0).getChoices().get(1).setNext(asked.getUuid());
        assertNull(page.problem());
        JsonObject written = page.poll();
        Polls.check(written);
        assertEquals(4, written.getJsonArray("connections").size());

        page.removeState(asked);
        assertEquals("'Colour', answer 'Blue', leads nowhere: choose the next step", page.problem(),
                "what led to a removed step leads nowhere");
        assertThrows(IllegalArgumentException.class, () -> Polls.check(page.poll()));
    }
}
