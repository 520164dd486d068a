package io.warroom.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.chat.ActionHandler;
import io.warroom.chat.ActionOutcome;
import io.warroom.chat.InboundAction;
import io.warroom.chat.OutboundMessage.Input;
import io.warroom.chat.OutboundMessage.InputType;
import io.warroom.chat.OutboundMessage.Option;
import io.warroom.chat.OutboundMessage;
import io.warroom.command.ChatCommand;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import io.warroom.support.ConsoleBrowserSession;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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


    private WebDriver driver;
    @RegisterExtension
    static final ConsoleBrowserSession BROWSER = ConsoleBrowserSession.window("1280,860");

    @LocalServerPort
    int port;

    @Autowired
    Recorder recorder;

    @Test
    void aCheckboxGroupSubmitsItsTickedValuesAndMarkupStaysText() {
        driver = BROWSER.driver();
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
