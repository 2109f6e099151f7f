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

    static void logIn(String email, String password) {
        browser.go("/ui/login.xhtml").type("#login\\:email", email).type("#login\\:password", password)
                .click("#login\\:submit");
    }

    @Test
    void aPersonLogsInSeesTheirAccountAndLogsOut() {
        TestAccount clinic = Platform.account("Riverside Clinic");
        clinic.createConversation("{\"type\":\"static_reply\",\"name\":\"Clinic hours\",\"config\":{\"reply_text\":"
                + "\"We open at 8\"}}");
        user(clinic, "ada@clinic.example", "correct horse battery", "owner");
        TestAccount other = Platform.account("Other Organisation");
        other.createConversation("{\"type\":\"static_reply\",\"name\":\"Secret plans\",\"config\":{\"reply_text\":"
                + "\"no\"}}");
        user(other, "eve@other.example", "another long password", "owner");

        browser.forget();
        browser.go("/");
        assertEquals("/ui/login.xhtml", browser.path(), "the platform's address leads to the login page first");
        browser.shot("01-login");

        logIn("ada@clinic.example", "not the password");
        browser.waitForText("Wrong email or password");
        assertEquals("/ui/login.xhtml", browser.path());
        browser.shot("02-login-refused");
        logIn("nobody@clinic.example", "not the password");
        browser.waitForText("Wrong email or password"); // an unknown email reads the same

        logIn("ADA@clinic.example ", "correct horse battery");
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

        logIn("eve@other.example", "another long password");
        assertEquals("Other Organisation", browser.text("#account-name"));
        assertTrue(browser.text("#conversations").contains("Secret plans"));
        assertFalse(browser.pageText().contains("Clinic hours"), "nothing of the clinic's account");
        browser.click("#session\\:logout");
    }
}
