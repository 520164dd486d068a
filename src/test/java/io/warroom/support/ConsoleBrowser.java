package io.warroom.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driving the local console, for browser tests of features: start it once per
 * class, then act as someone, open a channel, say things, find and click what Warroom posted. A missing
 * browser fails the test when CI=true and skips it otherwise.
 */
public final class ConsoleBrowser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    public static final String MISSING = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
            + " (Debian chromium and chromium-driver, installed by .ci/run)";

    private final WebDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    private ConsoleBrowser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Chromium, or a skip (locally) / failure (CI) when it is not installed. */
    public static ConsoleBrowser start() throws IOException {
        ConsoleBrowser browser = startIfInstalled("1280,860");
        Assumptions.assumeTrue(browser != null, MISSING + "; skipping");
        return browser;
    }

    /**
     * Chromium in a window of {@code windowSize} ("1280,860"); null when it is not installed here, so a test
     * can skip per test method (Surefire does not count a class-level skip); a failure when CI=true.
     */
    public static ConsoleBrowser startIfInstalled(String windowSize) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if ("true".equals(System.getenv("CI"))) {
                fail(MISSING + "; CI=true, so a missing browser is a failure, not a skip");
            }
            return null;
        }
        Path profile = Files.createTempDirectory("warroom-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        // Without the background-networking switches Chromium stalls on a network with no internet access.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + windowSize, "--user-data-dir=" + profile);
        return new ConsoleBrowser(new ChromeDriver(service, options), profile);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait await() {
        return wait;
    }

    public void open(int port) {
        driver.get("http://localhost:" + port + "/console");
    }

    public void actAs(String personId) {
        wait.until(d -> !new Select(d.findElement(By.id("who"))).getOptions().isEmpty());
        new Select(driver.findElement(By.id("who"))).selectByValue(personId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages[data-loaded-for^='" + personId + "/']")));
    }

    public void openChannel(String channel) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#channels li[data-channel='" + channel + "'] a"))).click();
        String person = new Select(driver.findElement(By.id("who"))).getFirstSelectedOption().getDomAttribute("value");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#messages[data-loaded-for='" + person + "/" + channel + "']")));
    }

    public void say(String text) {
        WebElement composer = wait.until(ExpectedConditions.elementToBeClickable(By.id("composer")));
        composer.sendKeys(text, Keys.ENTER);
        wait.until(d -> composer.getDomProperty("value").isEmpty());
    }

    /** The newest message Warroom posted in the open channel whose text contains {@code text}. */
    public WebElement awaitBotMessage(String text) {
        return wait.until(d -> {
            List<WebElement> matches = d.findElements(By.cssSelector("#messages .message.from-bot")).stream()
                    .filter(m -> m.getText().contains(text)).toList();
            return matches.isEmpty() ? null : matches.get(matches.size() - 1);
        });
    }

    /** Clicks the button labelled {@code label} on {@code message}. */
    public void click(WebElement message, String label) {
        wait.until(d -> message.findElements(By.cssSelector("button.action")).stream()
                .filter(b -> b.getText().strip().equals(label)).findFirst().orElse(null)).click();
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
