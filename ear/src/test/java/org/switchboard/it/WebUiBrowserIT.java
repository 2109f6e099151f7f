package org.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import jakarta.json.JsonObject;
import org.switchboard.it.Platform.Answer;
import org.switchboard.it.Platform.TestAccount;

/**
 * The web UI as people use it, in a real Chromium: logging in (a wrong password refused), the account's home, logging
 * out, and another account's user who sees nothing of this one's. Screenshots of each step go to
 * {@code ear/target/screenshots}; every page is checked to ask nothing of any host but the platform.
 */
@ExtendWith(ArquillianExtension.class)
class WebUiBrowserIT {

    private static Browser browser;

    /** This run's mark in the emails: the suite's domain, and its users, outlive a run. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Platform.ear();
    }

    @BeforeAll
    static void open() {
        browser = Browser.open();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    static void user(TestAccount account, String email, String password, String role) {
        Answer made = Platform.request("POST", "/api/admin/accounts/" + account.id() + "/users", Platform.ADMIN,
                "{\"email\":" + Platform.quote(email) + ",\"password\":" + Platform.quote(password) + ",\"role\":"
                        + Platform.quote(role) + "}");
        assertEquals(201, made.status(), made.body());
        assertFalse(made.body().contains(password), "the answer shows no password");
    }

    /** An account with a bulk_message conversation and a fake-vendor channel bound to it. */
    record Sender(TestAccount account, String conversation, String channel) {
    }

    static Sender sender(String account, String conversation, String address) {
        TestAccount made = Platform.account(account);
        String id = made.createConversation("{\"type\":\"bulk_message\",\"name\":" + Platform.quote(conversation)
                + "}");
        String channel = made.createChannel("{\"vendor\":\"fake\",\"address\":" + Platform.quote(address)
                + ",\"conversation_id\":\"" + id + "\"}");
        return new Sender(made, id, channel);
    }

    static void logIn(String email, String password) {
        browser.go("/ui/login.xhtml").type("#login\\:email", email).type("#login\\:password", password)
                .click("#login\\:submit");
    }

    /** A new owner of the account logs in and makes a conversation on the conversations page; its id. */
    static String makeInTheBrowser(TestAccount account, String email, String name, String type) {
        user(account, email, "a long enough password", "owner");
        browser.forget();
        logIn(email, "a long enough password");
        browser.click("#nav-conversations");
        browser.type("#create\\:name", name);
        browser.select("#create\\:type", type);
        browser.click("#create\\:make");
        return browser.parameter("id");
    }

    @Test
    void aPersonLogsInSeesTheirAccountAndLogsOut() {
        TestAccount clinic = Platform.account("Riverside Clinic");
        clinic.createConversation("{\"type\":\"static_reply\",\"name\":\"Clinic hours\",\"config\":{\"reply_text\":"
                + "\"We open at 8\"}}");
        user(clinic, "ada+" + RUN + "@clinic.example", "correct horse battery", "owner");
        TestAccount other = Platform.account("Other Organisation");
        other.createConversation("{\"type\":\"static_reply\",\"name\":\"Secret plans\",\"config\":{\"reply_text\":"
                + "\"no\"}}");
        user(other, "eve+" + RUN + "@other.example", "another long password", "owner");

        browser.forget();
        browser.go("/");
        assertEquals("/ui/login.xhtml", browser.path(), "the platform's address leads to the login page first");
        browser.shot("01-login");

        logIn("ada+" + RUN + "@clinic.example", "not the password");
        browser.waitForText("Wrong email or password");
        assertEquals("/ui/login.xhtml", browser.path());
        browser.shot("02-login-refused");
        logIn("nobody+" + RUN + "@clinic.example", "not the password");
        browser.waitForText("Wrong email or password"); // an unknown email reads the same

        logIn("ADA+" + RUN + "@clinic.example ", "correct horse battery"); // as typed: capitals, a space
        assertEquals("/ui/home.xhtml", browser.path());
        assertEquals("Riverside Clinic", browser.text("#account-name"));
        assertTrue(browser.text("#conversations").contains("Clinic hours"));
        assertTrue(browser.text("#conversations").contains("static_reply"));
        assertFalse(browser.pageText().contains("Secret plans"), "another account's conversation");
        assertEquals(1, browser.all("#messages-chart canvas").size(), "the chart of messages a day");
        browser.shot("03-home");

        browser.click("#session\\:logout").waitForText("You logged out");
        browser.go("/ui/home.xhtml");
        assertEquals("/ui/login.xhtml", browser.path(), "after logging out the home page asks for a login again");

        logIn("eve+" + RUN + "@other.example", "another long password");
        assertEquals("Other Organisation", browser.text("#account-name"));
        assertTrue(browser.text("#conversations").contains("Secret plans"));
        assertFalse(browser.pageText().contains("Clinic hours"), "nothing of the clinic's account");
        browser.click("#session\\:logout");
    }

    @Test
    void aBulkSendIsComposedWatchedToTheEndAndItsReportsAgreeWithTheApi() {
        Sender clinic = sender("Hill Clinic", "Reminders", "3001");
        TestAccount account = clinic.account();
        String reminders = clinic.conversation();
        String patients = CampaignsIT.group(account, "patients");
        for (int i = 0; i < 5; i++) {
            CampaignsIT.addContact(account, "+2783444000" + i, java.util.List.of(patients));
        }
        user(account, "nurse+" + RUN + "@hill.example", "a long enough password", "admin");
        browser.forget();
        logIn("nurse+" + RUN + "@hill.example", "a long enough password");
        browser.click("a.sb-conversation-link");
        assertEquals("Reminders", browser.text("#conversation-name"));

        browser.type("#compose\\:text", "Your visit is tomorrow at 9").settle();
        browser.waitForText("27 characters, GSM-7: 1 SMS");
        browser.type("#compose\\:text", "Your visit is tomorrow at 9 \u2713").settle();
        browser.waitForText("UCS-2");
        browser.type("#compose\\:text", "Your visit is tomorrow at 9").settle();
        browser.tick("compose:groups", "patients");
        browser.clickAjax("#compose\\:preview").waitForText("5 recipients of 5 contacts");
        browser.shot("04-bulk-preview");
        browser.clickAjax("#compose\\:send").waitForText("is pending");
        browser.waitForText("completed", java.time.Duration.ofSeconds(60));
        String row = browser.text("#sends\\:list");
        assertTrue(row.contains("100%"), row);
        browser.shot("05-bulk-completed");

        JsonObject api = Platform.eventually(java.time.Duration.ofSeconds(30), () -> Platform.request("GET",
                "/api/admin/accounts/" + account.id() + "/conversations/" + reminders + "/bulk_sends", Platform.ADMIN,
                null).json().getJsonArray("bulk_sends").getJsonObject(0),
                send -> send.getJsonObject("counts").getInt("sent") == 5, "the API's counts of the send");
        assertEquals("completed", api.getString("state"));
        JsonObject counts = Platform.request("GET", "/api/admin/accounts/" + account.id() + "/conversations/"
                + reminders + "/counts?bucket=day", Platform.ADMIN, null).json().getJsonObject("total");
        browser.go("/ui/conversation.xhtml?id=" + reminders);
        assertEquals(String.valueOf(counts.getInt("sent")), browser.text("#report-sent"), "sent, as the API counts");
        assertEquals("5", browser.text("#report-sent"));
        assertEquals(String.valueOf(counts.getInt("received")), browser.text("#report-received"));
        assertEquals(1, browser.all("#day-chart canvas").size());
        assertEquals(1, browser.all("#month-chart canvas").size());
        browser.shot("06-reports");
    }

    @Test
    void aPhoneInTheBrowserTalksToTheDemoAppOverUssd() throws Exception {
        TestAccount account = Platform.account("USSD Demo");
        String echo = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("..", "config", "demo",
                "echo-app.js")), java.nio.charset.StandardCharsets.UTF_8);
        String app = account.createConversation("{\"type\":\"jsbox\",\"name\":\"Echo app\",\"javascript\":"
                + Platform.quote(echo) + ",\"config\":{\"config\":\"{\\\"name\\\":\\\"echo\\\"}\"}}");
        account.createChannel("{\"vendor\":\"fake\",\"address\":\"*120*77#\",\"transport_type\":\"ussd\","
                + "\"conversation_id\":\"" + app + "\"}");
        user(account, "tester+" + RUN + "@ussd.example", "a long enough password", "owner");
        browser.forget();
        logIn("tester+" + RUN + "@ussd.example", "a long enough password");
        browser.click("#nav-phone");
        browser.choose("phone:channel", "*120*77# (ussd)");
        browser.type("#phone\\:number", "+27835550001").settle();
        browser.type("#phone\\:text", "hi there");
        browser.clickAjax("#phone\\:dial");
        browser.waitForText("echo #1: hi there", java.time.Duration.ofSeconds(60)); // the app's first run compiles
        browser.type("#phone\\:text", "again");
        browser.clickAjax("#phone\\:answer");
        browser.waitForText("echo #2: again", java.time.Duration.ofSeconds(30));
        String screen = browser.text("#transcript");
        assertTrue(screen.indexOf("hi there") < screen.indexOf("echo #1: hi there"), screen);
        assertTrue(screen.contains("(close)"), "the app closed each session: " + screen);
        browser.shot("07-phone-ussd");
    }

    @Test
    void aViewerLooksButCannotChangeAnything() {
        TestAccount account = sender("Read Only Org", "News", "3002").account();
        user(account, "viewer+" + RUN + "@readonly.example", "a long enough password", "viewer");
        browser.forget();
        logIn("viewer+" + RUN + "@readonly.example", "a long enough password");
        assertTrue(browser.text(".sb-who").contains("viewer"));
        browser.click("a.sb-conversation-link");
        assertEquals(0, browser.all("#compose\\:send").size(), "no send button for a viewer");
        browser.click("#nav-contacts");
        assertEquals(0, browser.all("#groups\\:create").size(), "no new group for a viewer");
        assertEquals(0, browser.all("#new-contact\\:add").size(), "no new contact for a viewer");
        browser.click("#nav-phone");
        browser.clickAjax("#phone\\:sms").waitForText("You may look but not change anything");
        browser.shot("08-viewer");
        // the session ends (as after 30 idle minutes): the page's next poll, an ajax request, leads to the login page
        browser.forget();
        browser.waitForPath("/ui/login.xhtml");
    }

    @Test
    void anImportNamesItsBadRowWritesNothingThenImportsTheFileMadeRight() throws Exception {
        TestAccount account = Platform.account("Import Org");
        user(account, "clerk+" + RUN + "@import.example", "a long enough password", "admin");
        java.nio.file.Path bad = java.nio.file.Files.createTempFile("people", ".csv");
        java.nio.file.Files.writeString(bad, "name,msisdn,city\nAda,0831230001,Durban\nBob,not a number,Cape Town\n"
                + "Cy,+27831230003,Durban\n");
        browser.forget();
        logIn("clerk+" + RUN + "@import.example", "a long enough password");
        browser.click("#nav-contacts").click("#import-link");
        browser.upload("#upload input[type=file]", bad).click("#upload\\:send");
        browser.waitForText("What each column holds");
        browser.type("#mapping\\:country", "ZA");
        browser.clickAjax("#mapping\\:import");
        browser.waitForText("Rows that cannot be imported", java.time.Duration.ofSeconds(60)).waitForText("3. invalid");
        String errors = browser.text("#mapping\\:errors");
        assertTrue(errors.matches("(?s).*\\b3\\b.*"), "Bob's row, the sheet's third, is named: " + errors);
        assertFalse(errors.contains("Ada"), errors);
        browser.shot("09-import-bad-row");
        assertEquals(0, account.get("/api/v1/go/contacts/").json().getJsonArray("data").size(),
                "nothing was written");

        java.nio.file.Files.writeString(bad, "name,msisdn,city\nAda,0831230001,Durban\nBob,0831230002,Cape Town\n"
                + "Cy,+27831230003,Durban\n");
        browser.click("#mapping\\:another");
        browser.upload("#upload input[type=file]", bad).click("#upload\\:send");
        browser.waitForText("What each column holds");
        browser.type("#mapping\\:country", "ZA").type("#mapping\\:new-group", "Imported");
        browser.clickAjax("#mapping\\:import");
        browser.waitForText("3 created", java.time.Duration.ofSeconds(60));
        assertTrue(browser.text("#mapping\\:progress").contains("100%"));
        browser.shot("10-import-done");
        assertEquals(3, account.get("/api/v1/go/contacts/").json().getJsonArray("data").size());
        assertTrue(account.get("/api/v1/go/contacts/?query=msisdn=%2B27831230001").body().contains("Durban"),
                "the number made E.164 with the country, the city an extra");

        browser.click("#nav-contacts").click("a.sb-contact-link");
        browser.clickAjax("#contact\\:add-extra");
        java.util.List<org.openqa.selenium.WebElement> names = browser.all(".sb-extra-name");
        names.get(names.size() - 1).sendKeys("clinic");
        java.util.List<org.openqa.selenium.WebElement> values = browser.all(".sb-extra-value");
        values.get(values.size() - 1).sendKeys("Hill");
        browser.clickAjax("#contact\\:save").waitForText("The contact is saved");
        browser.shot("20-contact");
        String key = browser.parameter("key");
        JsonObject contact = account.get("/api/v1/go/contacts/" + key).json();
        assertEquals("Hill", contact.getJsonObject("extra").getString("clinic"), contact.toString());
        assertEquals(1, contact.getJsonArray("groups").size(), "still in the group it was imported into");
        browser.click("#nav-contacts");
        browser.select("#export\\:scope", "The group Imported");
        browser.clickAjax("#export\\:go").waitForText("The export is being written");
        browser.waitForText("completed", java.time.Duration.ofSeconds(30));
        assertEquals(1, browser.all("#exports .sb-download").size(), "the group's file can be downloaded");
    }

    @Test
    void aPersonRepliesToAMessageAndSeesItSentWithItsStatus() {
        Sender desk = sender("Help Desk", "Questions", "3003");
        user(desk.account(), "agent+" + RUN + "@desk.example", "a long enough password", "admin");
        CampaignsIT.phone(desk.account(), desk.channel(), "+27836660001", "When do you open?");
        browser.forget();
        logIn("agent+" + RUN + "@desk.example", "a long enough password");
        browser.go("/ui/messages.xhtml?id=" + desk.conversation());
        browser.refreshUntil("#list\\:refresh", "#list\\:rows", "When do you open?"); // routed after it is stored
        browser.clickAjax(".sb-reply");
        browser.type("#list\\:reply", "We open at 8");
        browser.clickAjax("#list\\:send-reply").waitForText("Your reply is on its way");
        Platform.eventually(java.time.Duration.ofSeconds(30), () -> CampaignsIT.outbox(desk.account(), desk.channel()),
                list -> list.stream().anyMatch(m -> m.getString("content").equals("We open at 8")
                        && m.getString("to").equals("+27836660001")),
                "the reply at the phone");
        browser.clickAjax("#list\\:sent").waitForText("We open at 8");
        browser.refreshUntil("#list\\:refresh", "#list\\:rows", "submitted"); // the vendor's answer
        browser.shot("11-messages-reply");
    }

    @Test
    void theRoutingTableIsRedrawnThereAndTheNextMessageFollowsIt() {
        TestAccount account = Platform.account("Front Desk");
        String open = account.createConversation("{\"type\":\"static_reply\",\"name\":\"Open hours\","
                + "\"config\":{\"reply_text\":\"We are open 8 to 5\"}}");
        String closed = account.createConversation("{\"type\":\"static_reply\",\"name\":\"Closed notice\","
                + "\"config\":{\"reply_text\":\"We are closed today\"}}");
        String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"3004\",\"conversation_id\":\""
                + open + "\"}");
        user(account, "desk+" + RUN + "@front.example", "a long enough password", "admin");
        CampaignsIT.phone(account, channel, "+27837770001", "are you open?");
        Platform.eventually(java.time.Duration.ofSeconds(30), () -> CampaignsIT.outbox(account, channel),
                list -> list.stream().anyMatch(m -> m.getString("content").equals("We are open 8 to 5")),
                "the first conversation's reply");

        browser.forget();
        logIn("desk+" + RUN + "@front.example", "a long enough password");
        browser.click("#nav-channels");
        String channels = browser.text("#channels\\:list");
        assertTrue(channels.contains("3004") && channels.contains("fake") && channels.contains("Open hours"),
                channels);
        browser.select("#create\\:vendor", "twilio");
        browser.waitForText("auth_token");
        browser.type("#create\\:address", "+27215550100");
        browser.type("#create input[data-setting=account_sid]", "AC0123456789");
        browser.type("#create input[data-setting=auth_token]", "a-very-secret-token");
        browser.clickAjax("#create\\:make").waitForText("is made on twilio");
        String list = browser.text("#channels\\:list");
        assertTrue(list.contains("+27215550100") && list.contains("<Encrypted>"), list);
        assertFalse(browser.pageText().contains("a-very-secret-token"), "a secret is never shown");
        browser.shot("12-channels");

        browser.click("#nav-routing");
        assertTrue(browser.text("#links").contains("3004 \u21c4 Open hours"), browser.text("#links"));
        assertEquals(1, browser.all("#wires path").size(), "the link is drawn");
        browser.shot("13-routing");
        browser.clickAjax("#links .sb-unlink").waitForText("Changes not saved yet");
        assertEquals(0, browser.all("#wires path").size());
        browser.clickAjax(".sb-port[data-port='CHANNEL:" + channel + "/default']");
        browser.clickAjax(".sb-port[data-port='CONVERSATION:" + closed + "/default']");
        browser.waitForText("3004 \u21c4 Closed notice");
        assertEquals(1, browser.all("#wires path").size(), "the new link is drawn");
        browser.clickAjax("#table\\:save").waitForText("The routing table is saved");
        JsonObject stored = Platform.request("GET", "/api/admin/accounts/" + account.id() + "/routing_table",
                Platform.ADMIN, null).json().getJsonObject("routing_table");
        assertEquals("CONVERSATION:" + closed, stored.getJsonObject("CHANNEL:" + channel).getJsonArray("default")
                .getString(0), stored.toString());
        browser.shot("14-routing-edited");

        CampaignsIT.phone(account, channel, "+27837770002", "are you open?");
        Platform.eventually(java.time.Duration.ofSeconds(30), () -> CampaignsIT.outbox(account, channel),
                messages -> messages.stream().anyMatch(m -> m.getString("content").equals("We are closed today")
                        && m.getString("to").equals("+27837770002")),
                "the next message answered by the conversation the table now names");
    }

    @Test
    void aDeveloperMakesAJsboxEditsItsCodeAndConfigAndReadsItsLog() {
        TestAccount account = Platform.account("App Studio");
        String app = makeInTheBrowser(account, "dev+" + RUN + "@studio.example", "Greeter", "jsbox");
        assertEquals("/ui/app.xhtml", browser.path(), "a new jsbox opens on its code");
        assertEquals(1, browser.all(".CodeMirror").size(), "the code is in the editor, served by the platform");
        assertTrue(String.valueOf(browser.script("return document.querySelector('.CodeMirror').CodeMirror"
                + ".getValue()")).contains("on_inbound_message"), "the new app starts from a working one");
        browser.script("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0])", """
                api.on_inbound_message = function (command) {
                    api.request('config.get', {key: 'greeting'}, function (greeting) {
                        api.log_info('greeting ' + command.msg.from_addr);
                        api.request('outbound.reply_to', {content: greeting.value + ', ' + command.msg.content,
                            in_reply_to: command.msg.message_id, continue_session: false}, function () {
                            api.done();
                        });
                    });
                };
                """);
        browser.clickAjax("#code\\:save").waitForText("The code is saved");
        browser.clickAjax("#config\\:add");
        browser.type("#config .sb-config-key", "greeting").type("#config .sb-config-value", "Sawubona");
        browser.clickAjax("#config\\:save").waitForText("The config is saved");
        browser.shot("15-jsbox-code");

        String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"3005\",\"conversation_id\":\""
                + app + "\"}");
        CampaignsIT.phone(account, channel, "+27838880001", "hello");
        Platform.eventually(java.time.Duration.ofSeconds(60), () -> CampaignsIT.outbox(account, channel),
                list -> list.stream().anyMatch(m -> m.getString("content").equals("Sawubona, hello")),
                "the edited code's answer with the config's greeting");
        browser.waitForText("greeting +27838880001", java.time.Duration.ofSeconds(15)); // the log, refreshed
        browser.shot("16-jsbox-log");

        browser.go("/ui/conversation.xhtml?id=" + app);
        assertTrue(browser.text("#actions").contains("Edit the code"), browser.text("#actions"));
        assertTrue(browser.pageText().contains("3005"), "the channel it is reached on");
    }

    @Test
    void aPollIsBuiltStepByStepAndAPhoneAnswersIt() {
        TestAccount account = Platform.account("Survey Team");
        String poll = makeInTheBrowser(account, "surveyor+" + RUN + "@survey.example", "Colours", "dialogue");
        assertEquals("/ui/poll.xhtml", browser.path(), "a new dialogue opens on its poll");

        browser.select("#poll\\:new-type", "Multiple choice").clickAjax("#poll\\:add");
        browser.select("#poll\\:new-type", "End with a message").clickAjax("#poll\\:add");
        java.util.List<org.openqa.selenium.WebElement> names = browser.all(".sb-step-name");
        names.get(0).clear();
        names.get(0).sendKeys("Colour");
        names.get(1).clear();
        names.get(1).sendKeys("Thanks");
        java.util.List<org.openqa.selenium.WebElement> texts = browser.all(".sb-step-text");
        texts.get(0).sendKeys("Favourite colour?");
        texts.get(1).sendKeys("Thank you!");
        browser.all(".sb-step-store").get(0).sendKeys("colour");
        java.util.List<org.openqa.selenium.WebElement> labels = browser.all(".sb-choice-label");
        labels.get(0).sendKeys("Red");
        labels.get(1).sendKeys("Blue");
        browser.clickAjax("#poll\\:save").waitForText("answer 'Red', leads nowhere"); // said in words, by name
        for (org.openqa.selenium.WebElement next : browser.all(".sb-choice-next")) {
            new org.openqa.selenium.support.ui.Select(next).selectByVisibleText("Thanks (end with a message)");
        }
        browser.clickAjax("#poll\\:save").waitForText("The poll is saved");
        browser.shot("17-poll-editor");
        JsonObject stored = Platform.request("GET", "/api/admin/accounts/" + account.id() + "/conversations/" + poll,
                Platform.ADMIN, null).json().getJsonObject("config").getJsonObject("poll");
        assertEquals(2, stored.getJsonArray("states").size(), stored.toString());
        assertEquals(2, stored.getJsonArray("connections").size(), stored.toString());

        String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"3006\",\"conversation_id\":\""
                + poll + "\"}");
        CampaignsIT.phone(account, channel, "+27839990001", "hi");
        Platform.eventually(java.time.Duration.ofSeconds(60), () -> CampaignsIT.outbox(account, channel),
                list -> list.stream().anyMatch(m -> m.getString("content").contains("Favourite colour?")
                        && m.getString("content").contains("Blue")),
                "the poll's first question");
        CampaignsIT.phone(account, channel, "+27839990001", "2");
        Platform.eventually(java.time.Duration.ofSeconds(30), () -> CampaignsIT.outbox(account, channel),
                list -> list.stream().anyMatch(m -> m.getString("content").equals("Thank you!")),
                "the end the answer leads to");

        JsonObject total = Platform.eventually(java.time.Duration.ofSeconds(30), () -> Platform.request("GET",
                "/api/admin/accounts/" + account.id() + "/conversations/" + poll + "/counts?bucket=day",
                Platform.ADMIN, null).json().getJsonObject("total"),
                t -> t.getInt("sent") == 2 && t.getInt("received") == 2,
                "the API's counts of the poll's messages, the first one too (routed after its app's first run)");
        browser.go("/ui/messages.xhtml?id=" + poll);
        browser.refreshUntil("#list\\:refresh", "#list\\:rows", "hi");
        assertEquals(total.getInt("received") + " Received", browser.text("#list\\:received"),
                "as the API counts: " + total + "; the page lists " + browser.text("#list\\:rows"));
        assertEquals("2", browser.text("#stat-sent"), "two questions sent, counted from the roll-ups");
        browser.select("#download\\:kind", "Received");
        browser.clickAjax("#download\\:export").waitForText("The export is being written");
        browser.waitForText("completed", java.time.Duration.ofSeconds(30));
        assertEquals(1, browser.all("#exports .sb-download").size(), "the file can be downloaded");
        browser.shot("18-messages-statistics");
        JsonObject export = Platform.request("GET", "/api/admin/accounts/" + account.id() + "/exports",
                Platform.ADMIN, null).json().getJsonArray("exports").getJsonObject(0);
        String file = Platform.request("GET", "/api/admin/accounts/" + account.id() + "/exports/"
                + export.getString("id") + "/file", Platform.ADMIN, null).body();
        assertTrue(file.contains("+27839990001") && file.lines().count() == 3, file); // a header and two rows
    }

    @Test
    void theOperatorMakesAnAccountAndItsUserAndReplaysAFailedPush() {
        Sender shop = sender("Push Shop", "Orders", "3007");
        Answer sent = shop.account().post("/channels/" + shop.channel() + "/messages", "{\"to\":\"+27831112222\","
                + "\"content\":\"your order\",\"event_url\":\"http://127.0.0.1:9/events-" + RUN + "\"}");
        assertEquals(201, sent.status(), sent.body());
        Platform.eventually(java.time.Duration.ofSeconds(60), () -> Platform.request("GET",
                "/api/admin/pushes?state=failed&account_id=" + shop.account().id(), Platform.ADMIN, null).body(),
                body -> body.contains("events-" + RUN), "the push to a closed port failed for good");

        browser.forget();
        logIn("operator", "not the token");
        browser.waitForText("Wrong email or password");
        logIn(" Operator", Platform.ADMIN.substring("Bearer ".length()));
        assertEquals("/ui/operator/home.xhtml", browser.path());
        assertTrue(browser.text("#engine").contains("Outbound accepted"), browser.text("#engine"));
        assertTrue(browser.text("#pushes\\:list").contains("events-" + RUN), browser.text("#pushes\\:list"));
        browser.go("/ui/home.xhtml");
        assertEquals("/ui/operator/home.xhtml", browser.path(), "the operator sees no account's pages");

        browser.type("#accounts\\:name", "Made By The Operator " + RUN);
        browser.clickAjax("#accounts\\:create").waitForText("copy its API token now");
        assertEquals(64, browser.text("#new-token").length(), "the API token, shown once");
        browser.type("#users\\:email", "boss+" + RUN + "@made.example");
        browser.type("#users\\:password input, #users\\:password", "a long enough password");
        browser.clickAjax("#users\\:add").waitForText("may log in to Made By The Operator");
        browser.shot("19-operator");
        java.util.List<org.openqa.selenium.WebElement> replays = browser.all("#pushes .sb-replay");
        replays.get(0).click();
        browser.settle().waitForText("is on its way again");
        browser.click("#session\\:logout");

        logIn("boss+" + RUN + "@made.example", "a long enough password");
        assertEquals("/ui/home.xhtml", browser.path());
        assertEquals("Made By The Operator " + RUN, browser.text("#account-name"));
        browser.go("/ui/operator/home.xhtml");
        assertEquals("/ui/home.xhtml", browser.path(), "an account's owner is not the operator");
        browser.click("#session\\:logout");
    }

    @Test
    void aJsboxDrawsItsOwnDashboardFromTheMetricsItFires() {
        TestAccount account = Platform.account("Ping Dashboard");
        String app = """
                api.on_inbound_message = function (command) {
                    api.request('kv.incr', {key: 'pings'}, function (count) {
                        api.request('metrics.fire', {store: 'default', metric: 'total_pings', value: count.value,
                                agg: 'max'}, function () {
                            api.request('outbound.reply_to', {content: 'ping ' + count.value,
                                in_reply_to: command.msg.message_id, continue_session: false}, function () {
                                api.done();
                            });
                        });
                    });
                };
                """;
        String target = "{\"metric_type\":\"account\",\"store\":\"default\",\"name\":\"total_pings\","
                + "\"aggregator\":\"max\"}";
        String reports = "{\"layout\":[{\"type\":\"diamondash.widgets.lvalue.LValueWidget\",\"time_range\":\"1d\","
                + "\"name\":\"Last Ping Count\",\"target\":" + target + "},\"new_row\","
                + "{\"type\":\"diamondash.widgets.graph.GraphWidget\",\"name\":\"Ping Counts\",\"width\":6,"
                + "\"time_range\":\"1d\",\"bucket_size\":\"1h\",\"metrics\":[{\"name\":\"Pings\",\"target\":"
                + target + "},{\"name\":\"Received\",\"target\":{\"metric_type\":\"conversation\","
                + "\"name\":\"messages_received\",\"aggregator\":\"sum\"}}]},"
                + "{\"type\":\"diamondash.widgets.histogram.HistogramWidget\",\"name\":\"Total Pings (Histogram)\","
                + "\"target\":" + target + ",\"time_range\":\"1h\",\"bucket_size\":\"5m\",\"width\":6},"
                + "\"new_row\",{\"type\":\"diamondash.widgets.pie.PieWidget\",\"name\":\"Total Pings (Pie)\","
                + "\"time_range\":\"1d\",\"width\":6,\"metrics\":[{\"name\":\"Total Pings\",\"target\":"
                + target + "}]},{\"type\":\"diamondash.widgets.gauge.GaugeWidget\",\"name\":\"Unknown\"}]}";
        String id = account.createConversation("{\"type\":\"jsbox\",\"name\":\"Pinger\",\"javascript\":"
                + Platform.quote(app) + ",\"config\":{\"reports\":" + Platform.quote(reports) + "}}");
        String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"3008\",\"conversation_id\":\""
                + id + "\"}");
        for (int i = 1; i <= 3; i++) {
            CampaignsIT.phone(account, channel, "+2783444555" + i, "ping");
            int n = i;
            Platform.eventually(java.time.Duration.ofSeconds(60), () -> CampaignsIT.outbox(account, channel),
                    list -> list.stream().anyMatch(m -> m.getString("content").equals("ping " + n)), "ping " + n);
        }
        user(account, "ops+" + RUN + "@ping.example", "a long enough password", "viewer");
        browser.forget();
        logIn("ops+" + RUN + "@ping.example", "a long enough password");
        browser.go("/ui/conversation.xhtml?id=" + id);
        assertEquals("3", browser.text(".sb-widget-lvalue .sb-lvalue"), "the latest of the metric the app fired");
        assertEquals(3, browser.all(".sb-widget canvas").size(), "the graph, the histogram and the pie");
        assertTrue(browser.text(".sb-widget-error").contains("reports.layout[6].type"),
                "a widget that cannot be drawn says where: " + browser.text(".sb-widget-error"));
        assertEquals(0, browser.all("#report-counters").size(), "the app's layout replaces the default reports");
        browser.shot("21-jsbox-dashboard");
    }
}
