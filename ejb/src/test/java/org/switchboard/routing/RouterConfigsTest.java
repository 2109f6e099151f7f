package org.switchboard.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.json.StrictRecords.Refused;

class RouterConfigsTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    private static RouterConfigs.Config check(Router.Type type, String config) {
        return RouterConfigs.check(type, json(config), group -> group.startsWith("static"));
    }

    private static void refused(Router.Type type, String config, String key) {
        Refused e = assertThrows(Refused.class, () -> check(type, config));
        assertEquals(key, e.key(), e.getMessage());
    }

    @Test
    void aKeywordIsTheFirstWordWithoutRegardToCase() {
        var keyword = (RouterConfigs.Keyword) check(Router.Type.KEYWORD,
                "{'keyword_endpoint_mapping': {'Quiz': 'quiz', 'help': 'help_desk'}}");
        assertEquals("quiz", keyword.endpointFor("  QUIZ me now"));
        assertEquals("quiz", keyword.endpointFor("quiz"));
        assertEquals("help_desk", keyword.endpointFor("Help\tplease"));
        assertEquals("default", keyword.endpointFor("quizzes"), "a word, not a prefix");
        assertEquals("default", keyword.endpointFor(""));
        assertEquals("default", keyword.endpointFor(null));
        assertEquals(List.of("default", "quiz", "help_desk"), keyword.endpoints());
        assertEquals(keyword, RouterConfigs.check(Router.Type.KEYWORD, keyword.json(), g -> true), "reads back");
    }

    @Test
    void keywordConfigsAreCheckedWhole() {
        refused(Router.Type.KEYWORD, "{'keywords': {}}", "keywords");
        refused(Router.Type.KEYWORD, "{'keyword_endpoint_mapping': []}", "keyword_endpoint_mapping");
        refused(Router.Type.KEYWORD, "{'keyword_endpoint_mapping': {'two words': 'x'}}",
                "keyword_endpoint_mapping.two words");
        refused(Router.Type.KEYWORD, "{'keyword_endpoint_mapping': {'a': 'x', 'A': 'y'}}",
                "keyword_endpoint_mapping.A");
        refused(Router.Type.KEYWORD, "{'keyword_endpoint_mapping': {'a': 'no spaces'}}",
                "keyword_endpoint_mapping.a");
        refused(Router.Type.KEYWORD, "{'keyword_endpoint_mapping': {'a': 3}}", "keyword_endpoint_mapping.a");
    }

    @Test
    void aGroupRouterTakesTheFirstRuleOfTheContactsGroups() {
        var group = (RouterConfigs.Group) check(Router.Type.GROUP,
                "{'rules': [{'group': 'static-a', 'endpoint': 'a'}, {'group': 'static-b', 'endpoint': 'b'}]}");
        assertEquals("a", group.endpointFor(Set.of("static-b", "static-a")));
        assertEquals("b", group.endpointFor(Set.of("static-b")));
        assertEquals("default", group.endpointFor(Set.of()));
        refused(Router.Type.GROUP, "{'rules': [{'group': 'smart-x', 'endpoint': 'a'}]}", "rules[0].group");
        refused(Router.Type.GROUP, "{'rules': [{'group': 'static-a'}]}", "rules[0].endpoint");
        refused(Router.Type.GROUP, "{'rules': [{'group': 'static-a', 'endpoint': 'a', 'x': 1}]}", "rules[0].x");
        refused(Router.Type.GROUP, "{'rules': ['static-a']}", "rules[0]");
    }

    @Test
    void aMultiplexerDrawsVumiGosMenu() {
        var menu = (RouterConfigs.Multiplexer) check(Router.Type.APP_MULTIPLEXER,
                "{'menu_title': {'content': 'Pick one'}, 'entries': [{'label': 'Quiz', 'endpoint': 'quiz'},"
                        + " {'label': 'Weather', 'endpoint': 'weather'}]}");
        assertEquals("Pick one\n1) Quiz\n2) Weather", menu.menu());
        assertEquals(List.of("quiz", "weather"), menu.endpoints());
        assertTrue(menu.invalidInputMessage().endsWith("1) Try Again"), "Vumi Go's default");
        refused(Router.Type.APP_MULTIPLEXER, "{'entries': []}", "entries");
        refused(Router.Type.APP_MULTIPLEXER, "{'menu_title': 'Pick', 'entries': [{'label': 'Q', 'endpoint': 'q'}]}",
                "menu_title");
        refused(Router.Type.APP_MULTIPLEXER, "{'entries': [{'label': '', 'endpoint': 'q'}]}", "entries[0].label");
    }

    @Test
    void aChoiceIsANumberOnTheMenu() {
        assertEquals(2, RouterRuns.choice(" 2 ", 3));
        assertEquals(0, RouterRuns.choice("4", 3));
        assertEquals(0, RouterRuns.choice("0", 3));
        assertEquals(0, RouterRuns.choice("two", 3));
        assertEquals(0, RouterRuns.choice(null, 3));
    }
}
