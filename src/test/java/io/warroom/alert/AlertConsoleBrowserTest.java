package io.warroom.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.support.AlertPayloads;
import io.warroom.support.ConsoleBrowser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in a real browser: an Alertmanager notification becomes a card in #oncall with its runbook
 * steps in the thread; an on-call engineer clicks Ack and sees the card change in place.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:alert-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.alerts.token=" + AlertPayloads.TOKEN, "warroom.delivery.poll-interval=100ms"})
class AlertConsoleBrowserTest {

    private static ConsoleBrowser browser;

    @LocalServerPort int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = ConsoleBrowser.start();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAlertCardIsAcknowledgedFromTheConsole() throws Exception {
        String json = AlertPayloads.group("HighErrorRate", "service", "backend", "namespace", "after-sales-prod")
                .common("severity", "critical").common("deployment", "backend").annotation("summary", "5xx above 1%")
                .firing("b1", "backend-1", Instant.now().minusSeconds(90)).json();
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/alerts/alertmanager")).header("Authorization", "Bearer " + AlertPayloads.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        browser.open(port);
        browser.actAs("li.si");
        browser.openChannel("oncall");
        var card = browser.awaitBotMessage("HighErrorRate · backend");
        assertThat(card.getText()).contains("CRITICAL", "1 firing · 0 resolved", "backend-1", "Acknowledge by");
        browser.click(card, "Ack");
        var acknowledged = browser.awaitBotMessage("Acknowledged by 李四 Li Si at");
        assertThat(acknowledged.getText()).contains("HighErrorRate · backend").doesNotContain("Acknowledge by");
    }
}
