package io.warroom.console.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.shared.ConfigurationProblem;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleConfiguration {

    @Bean
    FilterRegistrationBean<ConsoleAccessFilter> consoleAccessFilter(ConsoleProperties properties, MeterRegistry meters) {
        if (properties.expose() && (blank(properties.username()) || blank(properties.password())
                || properties.password().length() < 12)) {
            throw new ConfigurationProblem("warroom.console.expose=true needs warroom.console.username and a "
                    + "warroom.console.password of at least 12 characters (WARROOM_CONSOLE_USERNAME, WARROOM_CONSOLE_PASSWORD)");
        }
        var registration = new FilterRegistrationBean<>(new ConsoleAccessFilter(properties, meters));
        registration.addUrlPatterns("/console", "/console/*");
        registration.setOrder(0);
        return registration;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
