package io.warroom.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers the fake Slack gateway so delivery tests have a platform with real limits to send to. */
@TestConfiguration(proxyBeanMethods = false)
public class TestGateways {

    @Bean
    FakeGateway fakeSlackGateway() {
        return new FakeGateway(io.warroom.chat.Platform.SLACK);
    }
}
