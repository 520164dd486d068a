package io.warroom.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in a real (headless) Chromium: declaring a P0 opens its war room, which appears in the
 * channel list of the people invited, with the card, the checklist and the topic; resolving from the card
 * brings the record form, whose answers close the incident; the incident's stream is in the timeline view.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:incident-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.directory.roster=classpath:rosters/incident-roster.yaml"})
class IncidentConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String MISSING_BROWSER = "the incident browser test needs " + CHROMIUM + " and " + CHROMEDRIVER;

    private static WebDriver driver;
    private static Path profile;

    @LocalServerPort int port;
    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if ("true".equals(System.getenv("CI"))) {
                fail(MISSING_BROWSER + "; CI=true, so a missing browser is a failure, not a skip");
            }
            return;
        }
        profile = Files.createTempDirectory("warroom-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        // Without the background-networking switches Chromium stalls on a network with no internet access.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
            profile = null;
        }
    }

    @BeforeEach
    void openConsole() {
        Assumptions.assumeTrue(driver != null, MISSING_BROWSER + "; skipping");
        wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        driver.get("http://localhost:" + port + "/console");
    }

    @Test
    void declaringAP0OpensItsWarRoomWithTheCardAndChecklistAndResolvingAsksForTheRecord() {
        actAs("zhang.san");
        openChannel("incidents");
        say("/warroom incident declare P0 backend down --service backend");
        WebElement originCard = wait.until(d -> message("P0 · INC-"));
        String id = originCard.getText().replaceAll("(?s).*(INC-\\d{8}-\\d{2}).*", "$1");

        // The room shows up in the invited person's channel list (the list refreshes by itself).
        WebElement roomLink = wait.until(d -> d.findElements(By.cssSelector("#channels li a")).stream()
                .filter(a -> a.getText().contains(id) && a.getText().contains("◆")).findFirst().orElse(null));
        assertThat(roomLink.getText()).contains("[P0] " + id + " backend down");
        roomLink.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("channel-topic"),
                "P0 · investigating · commander 张三 Zhang San · backend down"));
        WebElement card = wait.until(d -> message("P0 · " + id + " · backend down"));
        assertThat(card.getText()).contains("investigating", "张三 Zhang San", "War rooms", "Console: open");
        WebElement checklist = wait.until(d -> message("P0 checklist · " + id));
        assertThat(checklist.getText()).contains("1. Confirm the outage", "Done: Confirm the outage", "/warroom health backend");

        // Resolve from the card: the record form opens for the resolver, and its answers close the incident.
        card.findElement(By.cssSelector("button.action[data-action-id='incident.resolve']")).click();
        WebElement form = wait.until(d -> d.findElements(By.cssSelector("form.card-form")).stream()
                .filter(f -> ("incident.record-form:" + id).equals(f.getDomAttribute("data-action-id"))).findFirst().orElse(null));
        new Select(form.findElement(By.name("type"))).selectByValue("change");
        form.findElement(By.name("impact")).sendKeys("Every after-sales user for 8 minutes.");
        form.findElement(By.name("root_cause")).sendKeys("A bad config push.");
        form.findElement(By.name("prevention")).sendKeys("Validate configs in CI.");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(form.findElement(By.xpath("ancestor::li[contains(@class,'message')]"))
                .findElement(By.cssSelector(".action-result")), "Record of " + id + " saved"));
        wait.until(d -> message("P0 · " + id + " · backend down").getText().contains("closed"));

        // The incident's own stream is in the timeline view, with an intact chain.
        driver.findElement(By.id("timeline-link")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#streams li[data-stream='incident:" + id + "'] button"))).click();
        wait.until(d -> {
            String rows = d.findElement(By.id("timeline-entries")).getText();
            return rows.contains("incident.declared") && rows.contains("incident.resolved") && rows.contains("incident.closed");
        });
        wait.until(ExpectedConditions.attributeContains(By.id("verification"), "class", "intact"));
    }

    private void actAs(String personId) {
        wait.until(d -> !new Select(d.findElement(By.id("who"))).getOptions().isEmpty());
        new Select(driver.findElement(By.id("who"))).selectByValue(personId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages[data-loaded-for^='" + personId + "/']")));
    }

    private void openChannel(String channel) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#channels li[data-channel='" + channel + "'] a"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages[data-loaded-for$='/" + channel + "']")));
    }

    private void say(String text) {
        WebElement composer = wait.until(ExpectedConditions.elementToBeClickable(By.id("composer")));
        composer.sendKeys(text, Keys.ENTER);
        wait.until(d -> composer.getDomProperty("value").isEmpty());
    }

    /** The newest message from Warroom whose text contains {@code containing}, or null. */
    private WebElement message(String containing) {
        List<WebElement> matches = driver.findElements(By.cssSelector("#messages .message.from-bot")).stream()
                .filter(m -> m.getText().contains(containing)).toList();
        return matches.isEmpty() ? null : matches.get(matches.size() - 1);
    }
}
