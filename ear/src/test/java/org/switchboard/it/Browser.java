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

    /** A new browser, or the test skipped (failed, with {@code switchboard.browser=required}) without chromium. */
    static Browser open() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "required".equals(System.getProperty("switchboard.browser"))) {
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
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(element));
        return this;
    }

    /** Waits until the page's text holds {@code text}. */
    Browser waitForText(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
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
            Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
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
