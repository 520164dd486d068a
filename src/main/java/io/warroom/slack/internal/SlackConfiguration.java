package io.warroom.slack.internal;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.IgnoringSelfEvents;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import com.slack.api.bolt.middleware.builtin.SingleTeamAuthorization;
import com.slack.api.methods.MethodsClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.chat.InboundConnection;
import io.warroom.chat.Platform;
import io.warroom.shared.ConditionalOnInboundMode;
import io.warroom.shared.InboundMode;
import io.warroom.slack.SlackProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bolt for Java, created only when Slack is configured: in HTTP mode at {@code /slack/events}; in Socket
 * Mode the same {@link App} and listeners are fed by {@link SlackSocketMode} and {@code /slack/events} does
 * not exist (404). The Web API
 * base URL comes from {@code warroom.slack.api-base-url} (tests and proxies); SDK stats are off, so the
 * client makes no calls of its own.
 */
@Configuration(proxyBeanMethods = false)
@OnSlack
class SlackConfiguration {

    static final String PATH = "/slack/events";

    @Bean
    Slack slack(SlackProperties properties) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(properties.apiBaseUrl());
        config.setStatsEnabled(false);
        return Slack.getInstance(config);
    }

    @Bean
    MethodsClient slackMethods(Slack slack, SlackProperties properties) {
        return slack.methods(properties.botToken());
    }

    @Bean
    App slackApp(Slack slack, SlackProperties properties, List<SlackListener> listeners) {
        AppConfig config = AppConfig.builder()
                .singleTeamBotToken(properties.botToken())
                .signingSecret(properties.signingSecret())
                .slack(slack)
                .build();
        // Our own list instead of Bolt's defaults: Bolt would call auth.test while the context starts,
        // so an unreachable Slack would stop Warroom from starting at all.
        List<Middleware> middleware = new ArrayList<>();
        if (!properties.socketMode()) {
            // Socket Mode envelopes carry no signature: the connection was opened with the app token.
            middleware.add(new RequestVerification(new SlackSignature.Verifier(
                    new SlackSignature.Generator(properties.signingSecret()))));
        }
        middleware.add(new SingleTeamAuthorization(config, null));
        middleware.add(new IgnoringSelfEvents(slack.getConfig(), false));
        App app = new App(config, slack, middleware);
        listeners.forEach(l -> l.register(app));
        return app;
    }

    @Bean
    @ConditionalOnInboundMode(prefix = "warroom.slack", configuredBy = "bot-token", value = InboundMode.HTTP)
    ServletRegistrationBean<SlackEndpointServlet> slackServlet(App app, SlackProperties properties,
                                                               MeterRegistry meters, Clock clock) {
        var servlet = new SlackEndpointServlet(app, new SlackRequestVerifier(properties.signingSecret(), clock), meters);
        var registration = new ServletRegistrationBean<>(servlet, PATH);
        registration.setName("slackEvents");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /** Health component {@code slackSocket} and the {@code warroom.chat.socket.*} metrics for Slack. */
    @Bean
    @ConditionalOnInboundMode(prefix = "warroom.slack", configuredBy = "bot-token", value = InboundMode.SOCKET)
    InboundConnection slackSocket(MeterRegistry meters, Clock clock) {
        return new InboundConnection(Platform.SLACK, meters, clock);
    }

    @Bean
    @ConditionalOnInboundMode(prefix = "warroom.slack", configuredBy = "bot-token", value = InboundMode.SOCKET)
    SlackSocketMode slackSocketMode(Slack slack, App app, SlackProperties properties,
                                    @Qualifier("slackSocket") InboundConnection status) {
        return new SlackSocketMode(slack, properties, new SlackEnvelopes(app, status), status);
    }
}
