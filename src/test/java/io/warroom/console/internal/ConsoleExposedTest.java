package io.warroom.console.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/** Exposed on purpose, the console demands its login from everyone. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:console-exposed;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.delivery.paused=true",
        "warroom.console.expose=true", "warroom.console.username=ops", "warroom.console.password=correct-horse-battery"})
@AutoConfigureMockMvc
class ConsoleExposedTest {

    @Autowired MockMvc mvc;

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void loginIsRequired() throws Exception {
        var remote = (org.springframework.test.web.servlet.request.RequestPostProcessor) r -> {
            r.setRemoteAddr("10.1.2.3");
            return r;
        };
        mvc.perform(get("/console/api/people").with(remote)).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")));
        mvc.perform(get("/console/api/people").with(remote).header("Authorization", basic("ops", "wrong-password-x")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/console/api/people").with(remote).header("Authorization", "Basic %%%"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/console/api/people").with(remote).header("Authorization", basic("ops", "correct-horse-battery")))
                .andExpect(status().isOk());
    }
}
