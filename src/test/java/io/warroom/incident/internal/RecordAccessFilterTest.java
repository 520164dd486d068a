package io.warroom.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.warroom.shared.Rejections;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Who may read incident records: loopback clients by their loopback name, or anyone with the configured token. */
class RecordAccessFilterTest {

    private static final String TOKEN = "a-record-token-of-32-characters!";
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private MockHttpServletResponse get(String token, String remote, String host, String authorization) throws Exception {
        var filter = new RecordAccessFilter(new IncidentProperties(null, null, null, token, null, null), meters);
        var request = new MockHttpServletRequest("GET", "/incidents/INC-20261130-01/record");
        request.setRemoteAddr(remote);
        request.addHeader("Host", host);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void withoutATokenOnlyThisMachineReadsRecords() throws Exception {
        assertThat(get(null, "127.0.0.1", "localhost:8080", null).getStatus()).isEqualTo(200);
        assertThat(get(null, "10.1.2.3", "warroom.internal", null).getStatus()).isEqualTo(403);
        // A page on another site pointing its name at 127.0.0.1 (DNS rebinding) still sends its own host name.
        assertThat(get(null, "127.0.0.1", "evil.example.com", null).getStatus()).isEqualTo(403);
        assertThat(meters.counter(Rejections.METRIC, "endpoint", "incident-record", "reason", "not-loopback").count())
                .isEqualTo(2);
    }

    @Test
    void withATokenEveryClientMustSendIt() throws Exception {
        assertThat(get(TOKEN, "10.1.2.3", "warroom.internal", "Bearer " + TOKEN).getStatus()).isEqualTo(200);
        var refused = get(TOKEN, "10.1.2.3", "warroom.internal", "Bearer wrong");
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getContentAsString()).doesNotContain(TOKEN, "wrong");
        assertThat(get(TOKEN, "127.0.0.1", "localhost", null).getStatus()).as("loopback needs it too").isEqualTo(401);
    }
}
