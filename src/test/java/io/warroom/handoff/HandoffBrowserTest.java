package io.warroom.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.directory.Directory;
import io.warroom.directory.RosterChanges;
import io.warroom.support.ComingHandover;
import io.warroom.support.ConsoleBrowserSession;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The handoff on the local console in a real (headless) Chromium: the outgoing engineer fills in the
 * inline form (a field error first), the card appears in #oncall, someone else's Acknowledge is refused on
 * the card, and the incoming engineer's turns it green.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:handoff-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.handoff.channels=console:oncall", "warroom.handoff.enabled=false"})
class HandoffBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private WebDriver driver;
    @RegisterExtension
    static final ConsoleBrowserSession BROWSER = ConsoleBrowserSession.window("1280,1600");

    @LocalServerPort int port;
    @Autowired Directory directory;
    @Autowired RosterChanges changes;
    @Autowired JdbcClient jdbc;

    private WebDriverWait wait;

    @BeforeEach
    void openConsole() {
        driver = BROWSER.driver();
        wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        driver.get("http://localhost:" + port + "/console");
    }

    @Test
    void theOutgoingEngineerSubmitsTheFormAndOnlyTheIncomingOneAcknowledgesIt() {
        ComingHandover handover = ComingHandover.arrange(directory, changes);
        String outgoing = handover.outgoing().id();
        String incoming = handover.incoming().id();

        actAs(outgoing);
        openChannel("oncall");
        long before = newestMessageId();
        say("/warroom handoff");
        WebElement formMessage = wait.until(d -> newMessage(before, "Shift handoff:"));
        assertThat(formMessage.getDomAttribute("class")).contains("ephemeral");
        assertThat(formMessage.getText()).contains("Open incidents",
                "Failed checks this shift", "Handover time (交班时间)");
        WebElement form = formMessage.findElement(By.cssSelector("form.card-form"));
        assertThat(form.getDomAttribute("data-action-id")).startsWith("handoff.submit:");
        assertThat(form.findElement(By.name("services_ok")).isSelected()).as("no check failed this shift").isTrue();
        assertThat(form.findElement(By.name("no_alerts")).isSelected()).as("no alert group is firing").isTrue();
        assertThat(formMessage.getText()).contains("Firing or unacknowledged alert groups", "none");
        new Select(form.findElement(By.name("open_items"))).selectByValue("some");
        form.findElement(By.cssSelector("button[type='submit']")).click();

        WebElement fieldError = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(form, By.cssSelector(".field-error"))).get(0);
        assertThat(fieldError.getText()).isEqualTo("Say what they are.");
        form.findElement(By.name("open_items_details")).sendKeys("gateway 502s after 17:00; watching");
        form.findElement(By.name("notes")).sendKeys("DBA on leave tomorrow");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(formMessage.findElement(By.cssSelector(".action-result")),
                "Handoff submitted"));

        WebElement card = wait.until(d -> newMessage(before, "Waiting for " + handover.incoming().name()));
        assertThat(card.getDomAttribute("class")).doesNotContain("ephemeral");
        // No incident is open, so "no major event" starts ticked, as the other two do.
        assertThat(card.getText()).contains("☑ All services running normally", "☑ No abnormal alerts on the dashboards",
                "☑ No major event in the last 24 h", "gateway 502s after 17:00; watching", "DBA on leave tomorrow");
        long cardId = Long.parseLong(card.getDomAttribute("data-id"));

        actAs("chen.qi");
        openChannel("oncall");
        WebElement seenByChen = message(cardId);
        seenByChen.findElement(By.cssSelector("button.action[data-action-id='handoff.ack']")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(seenByChen.findElement(By.cssSelector(".action-error")),
                "the incoming engineer, can acknowledge this handoff"));
        assertThat(jdbc.sql("select state from handoff").query(String.class).single()).isEqualTo("SUBMITTED");

        actAs(incoming);
        openChannel("oncall");
        message(cardId).findElement(By.cssSelector("button.action[data-action-id='handoff.ack']")).click();
        wait.until(d -> message(cardId).getText().contains("Acknowledged by " + handover.incoming().name()));
        assertThat(message(cardId).findElements(By.cssSelector("button.action[data-action-id='handoff.ack']"))).isEmpty();
        var row = jdbc.sql("select services_ok, no_alerts, no_major_event, acknowledged_by from handoff").query().singleRow();
        assertThat(row).containsEntry("services_ok", true).containsEntry("no_alerts", true)
                .containsEntry("no_major_event", true).containsEntry("acknowledged_by", incoming);
    }

    private void actAs(String personId) {
        wait.until(d -> !new Select(d.findElement(By.id("who"))).getOptions().isEmpty());
        new Select(driver.findElement(By.id("who"))).selectByValue(personId);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages[data-loaded-for^='" + personId + "/']")));
    }

    private void openChannel(String channel) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#channels li[data-channel='" + channel + "'] a"))).click();
        String person = new Select(driver.findElement(By.id("who"))).getFirstSelectedOption().getDomAttribute("value");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages[data-loaded-for='" + person + "/" + channel + "']")));
    }

    private void say(String text) {
        WebElement composer = wait.until(ExpectedConditions.elementToBeClickable(By.id("composer")));
        composer.sendKeys(text, Keys.ENTER);
        wait.until(d -> composer.getDomProperty("value").isEmpty());
    }

    private long newestMessageId() {
        return driver.findElements(By.cssSelector("#messages .message")).stream()
                .mapToLong(m -> Long.parseLong(m.getDomAttribute("data-id"))).max().orElse(0);
    }

    private WebElement message(long id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages .message[data-id='" + id + "']")));
    }

    /** The newest bot message after {@code after} whose text contains the words, or null. */
    private WebElement newMessage(long after, String containing) {
        List<WebElement> matches = driver.findElements(By.cssSelector("#messages .message.from-bot")).stream()
                .filter(m -> Long.parseLong(m.getDomAttribute("data-id")) > after)
                .filter(m -> m.getText().contains(containing)).toList();
        return matches.isEmpty() ? null : matches.get(matches.size() - 1);
    }
}
