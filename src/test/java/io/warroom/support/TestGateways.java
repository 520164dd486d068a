package io.warroom.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers the fake Slack gateway (a platform with real limits to send to) and the test executor that
 * the test catalog ({@code test-catalog/test.yaml}) runs against.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestGateways {

    @Bean
    FakeGateway fakeSlackGateway() {
        return new FakeGateway(io.warroom.chat.Platform.SLACK);
    }

    @Bean
    TestExecutor testExecutor() {
        return new TestExecutor();
    }
}
