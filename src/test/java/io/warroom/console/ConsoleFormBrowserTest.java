package io.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import io.warroom.chat.ActionHandler;
import io.warroom.chat.ActionOutcome;
import io.warroom.chat.InboundAction;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Input;
import io.warroom.chat.OutboundMessage.InputType;
import io.warroom.chat.OutboundMessage.Option;
import io.warroom.command.ChatCommand;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * A console form in a real (headless) Chromium: a checkbox group submits the ticked values joined by commas and
 * a lone unticked box an empty value, as on Slack and Feishu ({@link InboundAction}); markup in labels and
 * options is shown as text, never run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:form-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
})
class ConsoleFormBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String MISSING_BROWSER = "the console browser test needs " + CHROMIUM + " and " + CHROMEDRIVER;

    private static WebDriver driver;
    private static Path profile;

    @LocalServerPort
    int port;

    @Autowired
    Recorder recorder;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            if ("true".equals(System.getenv("CI"))) {
                fail(MISSING_BROWSER + "; CI=true, so a missing browser is a failure, not a skip");
            }
            return;
        }
        profile = Files.createTempDirectory("warroom-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        // Without the background-networking switches Chromium stalls on a network with no internet access.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,860", "--user-data-dir=" + profile);
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
        }
    }

    @Test
    void aCheckboxGroupSubmitsItsTickedValuesAndMarkupStaysText() {
        Assumptions.assumeTrue(driver != null, MISSING_BROWSER + "; skipping");
        var wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get("http://localhost:" + port + "/console");
        wait.until(d -> !new Select(d.findElement(By.id("who"))).getOptions().isEmpty());
        new Select(driver.findElement(By.id("who"))).selectByValue("zhang.san");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#channels li[data-channel='oncall'] a"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#messages[data-loaded-for='zhang.san/oncall']")));
        WebElement composer = wait.until(ExpectedConditions.elementToBeClickable(By.id("composer")));
        composer.sendKeys("/warroom checks-form", Keys.ENTER);

        WebElement form = wait.until(d -> d.findElements(By.cssSelector("form.card-form[data-action-id='checks.form']"))
                .stream().findFirst().orElse(null));
        assertThat(form.getText()).contains("<script>window.pwned=1</script> checks", "<b>disk</b>");
        List<WebElement> boxes = form.findElements(By.cssSelector("input[type='checkbox'][name='checks']"));
        assertThat(boxes).hasSize(3);
        assertThat(boxes.get(1).isSelected()).as("initially ticked").isTrue();
        boxes.get(2).click();
        form.findElement(By.cssSelector("button[type='submit']")).click();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(recorder.received).singleElement()
                .satisfies(action -> {
                    assertThat(Set.of(action.formValues().get("checks").split(","))).containsExactlyInAnyOrder("mem", "net");
                    assertThat(action.formValues()).containsEntry("ack", "");
                }));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.pwned === undefined")).isEqualTo(true);
    }

    @TestConfiguration
    static class Beans {

        @Bean("checks-form")
        ChatCommand checksFormCommand() {
            var form = new OutboundMessage.Form("checks.form", "Checks", "Send", List.of(
                    new Input("checks", "<script>window.pwned=1</script> checks", InputType.CHECKBOX, false, "mem",
                            List.of(new Option("disk", "<b>disk</b>"), new Option("mem", "memory"),
                                    new Option("net", "network"))),
                    new Input("ack", "Acknowledged", InputType.CHECKBOX, false, null, null)));
            return new ChatCommand() {
                public String name() {
                    return "checks-form";
                }

                public String usage() {
                    return "";
                }

                public String descriptionKey() {
                    return "help.description";
                }

                public CommandReply run(CommandContext context) {
                    return CommandReply.inChannel(OutboundMessage.builder().form(form).build());
                }
            };
        }

        @Bean
        Recorder recorder() {
            return new Recorder();
        }
    }

    static class Recorder implements ActionHandler {
        final List<InboundAction> received = new CopyOnWriteArrayList<>();

        @Override
        public String prefix() {
            return "checks.";
        }

        @Override
        public ActionOutcome handle(InboundAction action) {
            received.add(action);
            return ActionOutcome.done("Thanks");
        }
    }
}
