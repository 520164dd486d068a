package io.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.action.ActionExecutors;
import io.warroom.action.ActionSpec;
import io.warroom.action.RunAs;
import io.warroom.chat.ActionHandler;
import io.warroom.chat.ActionOutcome;
import io.warroom.chat.InboundAction;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import io.warroom.command.ChatCommand;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import io.warroom.support.ConsoleBrowserSession;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/** Drives the local console page in a real (headless) Chromium against the whole application. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
})
class ConsoleBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String ONCALL_STREAM = "conversation:console:oncall";

    private WebDriver driver;
    @RegisterExtension
    static final ConsoleBrowserSession BROWSER = ConsoleBrowserSession.window("1280,860");

    @LocalServerPort
    int port;

    @Autowired
    RecordingActionHandler demoActions;

    @Autowired
    ActionExecutors executors;

    private WebDriverWait wait;

    @BeforeEach
    void openConsole() {
        driver = BROWSER.driver();
        wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        driver.get("http://localhost:" + port + "/console");
    }

    @Test
    void helpCommandShowsTheCommandCard() throws IOException {
        actAs("zhang.san");
        openChannel("oncall");
        long before = newestMessageId();

        say("/warroom help");

        WebElement reply = awaitBotMessage(before, "Warroom commands");
        assertThat(reply.getText()).contains("Warroom commands", "/warroom oncall", "/warroom help");
        assertThat(reply.findElements(By.cssSelector(".card.tone-info"))).hasSize(1);

        Path screenshot = Path.of("target", "console.png");
        Files.createDirectories(screenshot.getParent());
        File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void typoGetsAPrivateSuggestionThatOthersDoNotSee() {
        actAs("zhang.san");
        openChannel("oncall");
        long before = newestMessageId();

        say("/warroom hepl");

        WebElement reply = awaitBotMessage(before, "Unknown command");
        assertThat(reply.getText()).contains("Did you mean: help");
        assertThat(reply.getDomAttribute("class")).contains("ephemeral");
        assertThat(reply.findElement(By.cssSelector(".ephemeral-note")).getText()).isEqualTo("Only visible to you");
        String replyId = reply.getDomAttribute("data-id");
        String typedId = wait.until(d -> newMessage(before, "from-person", "/warroom hepl")).getDomAttribute("data-id");

        actAs("li.si");

        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#messages[data-loaded-for='li.si/oncall'] .message[data-id='" + typedId + "']")));
        assertThat(driver.findElements(By.cssSelector("#messages .message[data-id='" + replyId + "']"))).isEmpty();
        assertThat(driver.findElement(By.id("messages")).getText()).doesNotContain("Did you mean");
    }

    @Test
    void clickingACardButtonReachesTheActionHandler() {
        demoActions.received.clear();
        actAs("zhang.san");
        openChannel("oncall");
        long before = newestMessageId();

        say("/warroom demo-button");

        WebElement card = awaitBotMessage(before, "Demo");
        WebElement button = card.findElement(By.cssSelector("button.action[data-action-id='demo.press']"));
        assertThat(button.getText()).isEqualTo("Press me");
        assertThat(button.getDomAttribute("class")).contains("style-primary");
        button.click();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(demoActions.received).singleElement()
                .satisfies(action -> {
                    assertThat(action.actionId()).isEqualTo("demo.press");
                    assertThat(action.value()).isEqualTo("token-1");
                    assertThat(action.actor().platform()).isEqualTo(Platform.CONSOLE);
                    assertThat(action.actor().userId()).isEqualTo("zhang.san");
                }));
        wait.until(ExpectedConditions.textToBePresentInElement(card.findElement(By.cssSelector(".action-result")),
                "Pressed by zhang.san"));
        assertThat(card.findElement(By.cssSelector(".action-error")).isDisplayed()).isFalse();
    }

    @Test
    void cardFormShowsFieldErrorsThenSubmitsItsValues() {
        demoActions.received.clear();
        actAs("chen.qi");
        openChannel("incidents");
        long before = newestMessageId();

        say("/warroom demo-form");

        WebElement card = awaitBotMessage(before, "Hand over");
        assertThat(card.getDomAttribute("class")).contains("ephemeral");
        WebElement form = card.findElement(By.cssSelector("form.card-form[data-action-id='demo.form']"));
        form.findElement(By.name("summary")).sendKeys("db");
        form.findElement(By.name("urgent")).click();
        form.findElement(By.cssSelector("button[type='submit']")).click();

        WebElement fieldError = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(
                form, By.cssSelector(".field-error"))).get(0);
        assertThat(fieldError.getText()).isEqualTo("Say a little more");
        assertThat(form.findElement(By.name("summary")).getDomAttribute("aria-invalid")).isEqualTo("true");

        form.findElement(By.name("summary")).sendKeys(" failover done");
        form.findElement(By.cssSelector("button[type='submit']")).click();

        wait.until(ExpectedConditions.textToBePresentInElement(card.findElement(By.cssSelector(".action-result")),
                "Handed over"));
        assertThat(form.findElements(By.cssSelector(".field-error"))).isEmpty();
        assertThat(demoActions.received).hasSize(2).last().satisfies(action -> {
            assertThat(action.actionId()).isEqualTo("demo.form");
            assertThat(action.actor().userId()).isEqualTo("chen.qi");
            assertThat(action.formValues()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("summary", "db failover done", "urgent", "true"));
        });
    }

    @Test
    void timelineShowsTheCommandAndAnIntactChain() {
        actAs("zhang.san");
        openChannel("oncall");
        long before = newestMessageId();
        say("/warroom help");
        awaitBotMessage(before, "Warroom commands");

        driver.findElement(By.id("timeline-link")).click();

        WebElement stream = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#streams li[data-stream='" + ONCALL_STREAM + "'] button")));
        stream.click();
        wait.until(ExpectedConditions.textToBe(By.id("stream-title"), ONCALL_STREAM));
        WebElement helpEntry = wait.until(d -> d.findElements(By.cssSelector("#timeline-entries tbody tr")).stream()
                .filter(row -> row.getText().contains("command.received") && row.getText().contains("/warroom help"))
                .findFirst().orElse(null));
        assertThat(helpEntry.findElement(By.cssSelector(".actor")).getText()).isEqualTo("zhang.san");
        assertThat(helpEntry.findElement(By.cssSelector(".hash")).getText()).matches("[0-9a-f]{12}");

        WebElement verification = driver.findElement(By.id("verification"));
        wait.until(ExpectedConditions.attributeContains(verification, "class", "intact"));
        assertThat(verification.getText()).startsWith("✓ Chain intact");
    }

    /** Issue 3's acceptance scenario: a change needs a second, authorised person, and then really happens. */
    @Test
    void scalingNeedsASecondPersonThenTheSandboxHasTheNewReplicas() {
        actAs("zhao.liu");
        openChannel("incidents");
        long before = newestMessageId();
        say("/warroom scale backend -n after-sales-prod --replicas 5");

        WebElement card = awaitBotMessage(before, "Approval needed: scale backend");
        String cardId = card.getDomAttribute("data-id");
        assertThat(card.getText()).contains("kubernetes scale after-sales-prod/backend replicas=5", "3 → 5",
                "warroom-operator", "Approve", "Reject");
        card.findElement(By.cssSelector("button.action[data-action-id='approval.approve']")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(card.findElement(By.cssSelector(".action-error")),
                "you cannot approve it"));

        actAs("li.si");
        openChannel("incidents");
        WebElement theirCard = wait.until(d -> d.findElement(By.cssSelector("#messages .message[data-id='" + cardId + "']")));
        theirCard.findElement(By.cssSelector("button.action[data-action-id='approval.approve']")).click();

        WebElement decided = wait.until(d -> {
            WebElement m = d.findElement(By.cssSelector("#messages .message[data-id='" + cardId + "']"));
            return m.getText().contains("Done: scale backend") ? m : null;
        });
        assertThat(decided.getText()).contains("李四 Li Si", "Approved at");
        assertThat(decided.findElements(By.cssSelector("button.action[data-action-id='approval.approve']"))).isEmpty();

        var pods = new ActionSpec("kubernetes", "rollout-status", "", "after-sales-prod", "backend", Map.of());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(executors.get("kubernetes").execute(pods, RunAs.bot())
                .lines().stream().map(l -> io.warroom.support.English.of(l.value())).toList())
                .contains("desired 5, updated 5, total 5, available 5"));

        driver.findElement(By.id("timeline-link")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#streams li[data-stream='conversation:console:incidents'] button"))).click();
        wait.until(d -> {
            String rows = d.findElement(By.id("timeline-entries")).getText();
            return rows.contains("approval.requested") && rows.contains("approval.click-refused")
                    && rows.contains("approval.granted") && rows.contains("action.executed");
        });
        String rows = driver.findElement(By.id("timeline-entries")).getText();
        assertThat(rows).contains("zhao.liu", "li.si", "kubernetes scale after-sales-prod/backend replicas=5");
    }

    @Test
    void threadRepliesStayInTheThreadAndAreCountedOnTheRoot() {
        actAs("wang.wu");
        openChannel("ops");
        long before = newestMessageId();
        say("Database failover starting");
        WebElement root = wait.until(d -> newMessage(before, "from-person", "Database failover starting"));

        new Actions(driver).moveToElement(root).click(root.findElement(By.cssSelector(".reply-in-thread"))).perform();
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".thread-panel")));
        assertThat(panel.getDomAttribute("data-thread-id")).isEqualTo(root.getDomAttribute("data-id"));
        WebElement threadComposer = driver.findElement(By.id("thread-composer"));
        threadComposer.sendKeys("Replica promoted", Keys.ENTER);
        wait.until(d -> threadComposer.getDomProperty("value").isEmpty());
        threadComposer.sendKeys("/warroom whoami", Keys.ENTER);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".thread-panel #thread-messages"), "Replica promoted"));
        wait.until(d -> panel.findElements(By.cssSelector(".message.from-bot")).size() == 1);
        wait.until(ExpectedConditions.textToBePresentInElement(root.findElement(By.cssSelector(".reply-count")),
                "3 replies"));
        assertThat(driver.findElement(By.id("messages")).getText()).doesNotContain("Replica promoted");
    }

    // ------------------------------------------------------------------ page helpers


    private void actAs(String personId) {
        wait.until(d -> !new Select(d.findElement(By.id("who"))).getOptions().isEmpty());
        new Select(driver.findElement(By.id("who"))).selectByValue(personId);
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#messages[data-loaded-for^='" + personId + "/']")));
    }

    private void openChannel(String channel) {
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#channels li[data-channel='" + channel + "'] a"))).click();
        String person = new Select(driver.findElement(By.id("who"))).getFirstSelectedOption().getDomAttribute("value");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#messages[data-loaded-for='" + person + "/" + channel + "']")));
    }

    private void say(String text) {
        WebElement composer = wait.until(ExpectedConditions.elementToBeClickable(By.id("composer")));
        composer.sendKeys(text, Keys.ENTER);
        wait.until(d -> composer.getDomProperty("value").isEmpty());
    }

    private long newestMessageId() {
        return driver.findElements(By.cssSelector("#messages .message")).stream()
                .mapToLong(m -> Long.parseLong(m.getDomAttribute("data-id")))
                .max().orElse(0);
    }

    private WebElement awaitBotMessage(long after, String containing) {
        return wait.until(d -> newMessage(after, "from-bot", containing));
    }

    /** The newest message with an id above {@code after}, of the given kind, whose text contains the given words. */
    private WebElement newMessage(long after, String kind, String containing) {
        List<WebElement> matches = driver.findElements(By.cssSelector("#messages .message." + kind)).stream()
                .filter(m -> Long.parseLong(m.getDomAttribute("data-id")) > after)
                .filter(m -> m.getText().contains(containing))
                .toList();
        return matches.isEmpty() ? null : matches.get(matches.size() - 1);
    }

    // ------------------------------------------------------------------ test beans

    @TestConfiguration
    static class DemoConfiguration {

        @Bean("demo-button")
        ChatCommand demoButtonCommand() {
            return new DemoCommand("demo-button", OutboundMessage.builder()
                    .header("Demo")
                    .button("demo.press", "Press me", "token-1", OutboundMessage.Style.PRIMARY)
                    .build());
        }

        @Bean("demo-form")
        ChatCommand demoFormCommand() {
            var form = new OutboundMessage.Form("demo.form", "Hand over", "Hand over", List.of(
                    new OutboundMessage.Input("summary", "Summary", OutboundMessage.InputType.TEXT, true, null, null),
                    new OutboundMessage.Input("urgent", "Urgent", OutboundMessage.InputType.CHECKBOX, false, null,
                            null)));
            return new DemoCommand("demo-form", OutboundMessage.builder().form(form).build());
        }

        @Bean
        RecordingActionHandler demoActions() {
            return new RecordingActionHandler();
        }
    }

    /** Answers with a fixed message in the channel. */
    record DemoCommand(String name, OutboundMessage reply) implements ChatCommand {

        @Override
        public String usage() {
            return "";
        }

        @Override
        public String descriptionKey() {
            return name + ".description";
        }

        @Override
        public CommandReply run(CommandContext context) {
            return CommandReply.inChannel(reply);
        }
    }

    /** Records every click; refuses too-short form summaries the way a real handler reports field errors. */
    static class RecordingActionHandler implements ActionHandler {

        final List<InboundAction> received = new CopyOnWriteArrayList<>();

        @Override
        public String prefix() {
            return "demo.";
        }

        @Override
        public ActionOutcome handle(InboundAction action) {
            received.add(action);
            if (action.actionId().equals("demo.form")) {
                return action.formValues().getOrDefault("summary", "").length() < 5
                        ? ActionOutcome.invalid(Map.of("summary", "Say a little more"))
                        : ActionOutcome.done("Handed over");
            }
            return ActionOutcome.done("Pressed by " + action.actor().userId());
        }
    }
}
