package org.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's browser for the web UI's journeys: Debian's chromium, headless, driven by its chromium-driver (the same
 * version; Selenium Manager is never asked to download one). Each step can be saved as a screenshot under
 * {@code it.screenshots}, and every page is checked to have asked nothing of any host but the platform.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path screenshots;

    private Browser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /**
     * A new browser; without chromium the test is skipped, or fails with {@code switchboard.browser=required} or as
     * root (then {@code config/bin/switchboard prepare} installed it: CI runs as root).
     */
    static Browser open() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        boolean required = "required".equals(System.getProperty("switchboard.browser"))
                || "root".equals(System.getProperty("user.name")); // as root, prepare installed them: CI
        if (!present && required) {
            throw new AssertionError("The browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + DRIVER + "): config/bin/switchboard prepare installs them when it runs as root");
        }
        assumeTrue(present, "No chromium and chromium-driver here: the browser journeys are skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--lang=en-GB", "--no-first-run", "--disable-background-networking", "--disable-sync",
                "--disable-component-update");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, Path.of(System.getProperty("it.screenshots", "target/screenshots")));
    }

    /** Opens a path of the platform (from its root). */
    Browser go(String path) {
        driver.get(Platform.BASE + path);
        return this;
    }

    /** Waits until the browser is at a path of the platform (followed a redirect, say). */
    Browser waitForPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> path().equals(path));
        return this;
    }

    String path() {
        return driver.getCurrentUrl().substring(Platform.BASE.length()).replaceAll("[?#].*", "");
    }

    WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks, and waits for the page it leads to. */
    Browser click(String css) {
        WebElement element = find(css);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> gone(element));
        return this;
    }

    /**
     * Whether the element's page was replaced: Selenium's stalenessOf, also when chromium answers for a node of the old
     * document with "does not belong to the document" rather than a stale reference (seen in .ci/run).
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Clicks something that answers by ajax, and waits until PrimeFaces' requests are done. */
    Browser clickAjax(String css) {
        find(css).click();
        return settle();
    }

    /** Waits until no ajax request of the page is under way. */
    Browser settle() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return !window.jQuery || (jQuery.active === 0"
                        + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty()))")));
        return this;
    }

    /** Chooses an option of a PrimeFaces selectOneMenu by its label. */
    Browser choose(String menuId, String label) {
        settle();
        for (int attempt = 0; attempt < 3; attempt++) {
            find("#" + escape(menuId)).click();
            // by script: the overlay may still be sliding into place over the header when a real click lands
            ((JavascriptExecutor) driver).executeScript("arguments[0].click()",
                    find("#" + escape(menuId + "_panel") + " li[data-label='" + label + "']"));
            settle();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector("#"
                        + escape(menuId + "_label"))).getText().equals(label));
                return settle();
            } catch (org.openqa.selenium.TimeoutException notYet) {
                // the menu opened before its widget was ready, or the click fell on its closing: again
            }
        }
        throw new AssertionError("Could not choose " + label + " in " + menuId + "; the page shows: " + pageText());
    }

    /** Runs a script in the page and answers what it returns. */
    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The page's address's query parameter of this name. */
    String parameter(String name) {
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("[?&]" + name + "=([^&#]*)")
                .matcher(driver.getCurrentUrl());
        return found.find() ? found.group(1) : null;
    }

    /** Chooses an option of a plain select by its label. */
    Browser select(String css, String label) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByVisibleText(label);
        return settle();
    }

    /** Ticks the options of a PrimeFaces selectCheckboxMenu by their labels, then closes it. */
    Browser tick(String menuId, String... labels) {
        find("#" + escape(menuId)).click();
        for (String label : labels) {
            find("#" + escape(menuId + "_panel") + " li");
            driver.findElements(By.cssSelector("#" + escape(menuId + "_panel") + " li")).stream()
                    .filter(li -> li.getText().trim().equals(label))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No option " + label + " in " + menuId))
                    .findElement(By.cssSelector(".ui-chkbox-box")).click();
        }
        find("#" + escape(menuId)).click();
        return settle();
    }

    private static String escape(String id) {
        return id.replace(":", "\\:");
    }

    /** Clicks a refresh button every half second until the page shows {@code text} (at most 30 s). */
    Browser refreshUntil(String buttonCss, String css, String text) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!find(css).getText().contains(text)) {
            if (System.nanoTime() > end) {
                throw new AssertionError(css + " did not show \"" + text + "\" within 30 s: " + find(css).getText());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            clickAjax(buttonCss);
        }
        return this;
    }

    /** Puts a file into a file input (hidden or not, as a person's choice in the file dialog would). */
    Browser upload(String css, Path file) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)))
                .sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** Waits until the page's text holds {@code text}. */
    Browser waitForText(String text) {
        return waitForText(text, Duration.ofSeconds(20));
    }

    /** Waits until the page's text holds {@code text}; failing, says what the page showed. */
    Browser waitForText(String text, Duration most) {
        try {
            new WebDriverWait(driver, most).until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "The page did not show \"" + text + "\" within " + most.toSeconds() + " s; it shows: "
                            + pageText(),
                    e);
        }
        return this;
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves what the browser shows as {@code <name>.png}, and checks the page asked only the platform for anything. */
    Browser shot(String name) {
        onlyThePlatform();
        try {
            Files.createDirectories(screenshots);
            // the whole page, not the window's part of it
            long height = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            org.openqa.selenium.Dimension window = driver.manage().window().getSize();
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(window.getWidth(),
                    (int) Math.min(4000, Math.max(window.getHeight(), height + 140))));
            Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(window);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Every resource the page loaded (scripts, styles, fonts, images, requests) came from the platform. */
    void onlyThePlatform() {
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                        + ".concat([location.href]).filter(n => !n.startsWith(arguments[0]))",
                Platform.BASE);
        assertEquals(List.of(), loaded, "requests that left the platform from " + driver.getCurrentUrl());
    }

    /** Forgets the session (as a new browser would). */
    void forget() {
        driver.manage().deleteAllCookies();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
