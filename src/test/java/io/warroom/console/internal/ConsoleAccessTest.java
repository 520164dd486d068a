package io.warroom.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import io.warroom.support.H2Test;

/** The console is for loopback clients addressing a loopback name; anything else is refused and counted. */
@H2Test
@AutoConfigureMockMvc
class ConsoleAccessTest {

    @Autowired MockMvc mvc;
    @Autowired MeterRegistry meters;
    @Autowired JdbcClient jdbc;

    private double rejected(String reason) {
        var c = meters.find("warroom.inbound.rejected").tag("endpoint", "console").tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void remoteClientsAreRefused() throws Exception {
        double before = rejected("not-loopback");
        long messages = jdbc.sql("select count(*) from console_message").query(Long.class).single();
        mvc.perform(post("/console/api/channels/ops/messages").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"as\":\"li.si\",\"text\":\"/warroom help\"}")
                        .with(r -> { r.setRemoteAddr("10.1.2.3"); return r; }))
                .andExpect(status().isForbidden());
        assertThat(rejected("not-loopback")).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from console_message").query(Long.class).single()).isEqualTo(messages);
    }

    @Test
    void aForeignHostNameIsRefusedEvenFromLoopback() throws Exception {
        // A web page that rebinds its own name to 127.0.0.1 still sends its own Host header.
        mvc.perform(get("/console/api/people").header("Host", "attacker.example"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/api/people").header("Host", "localhost:8080"))
                .andExpect(status().isOk());
        mvc.perform(get("/console/api/people").header("Host", "[::1]:8080"))
                .andExpect(status().isOk());
    }

    @Test
    void theRestOfTheServerIsNotLimitedToLoopback() throws Exception {
        mvc.perform(get("/actuator/health/liveness").with(r -> { r.setRemoteAddr("10.1.2.3"); return r; }))
                .andExpect(status().isOk());
    }
}
