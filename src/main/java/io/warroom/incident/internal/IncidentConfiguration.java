package io.warroom.incident.internal;

import io.warroom.shared.ConfigurationProblem;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

@Configuration
@EnableConfigurationProperties(IncidentProperties.class)
class IncidentConfiguration {

    @Bean
    FilterRegistrationBean<RecordAccessFilter> recordAccessFilter(IncidentProperties properties, MeterRegistry meters) {
        if (properties.recordToken() != null && properties.recordToken().length() < 24) {
            throw new ConfigurationProblem("warroom.incident.record-token (WARROOM_INCIDENT_RECORD_TOKEN) must be at "
                    + "least 24 characters");
        }
        var registration = new FilterRegistrationBean<>(new RecordAccessFilter(properties, meters));
        registration.addUrlPatterns("/incidents/*");
        registration.setOrder(0);
        return registration;
    }

    @Bean
    Playbook playbook(IncidentProperties properties) {
        Resource[] files;
        try {
            files = new PathMatchingResourcePatternResolver().getResources(properties.playbooks());
        } catch (IOException e) {
            throw new ConfigurationProblem("Cannot read incident playbooks at " + properties.playbooks() + ": " + e.getMessage());
        }
        if (files.length == 0) {
            throw new ConfigurationProblem("No incident playbook at " + properties.playbooks()
                    + " (WARROOM_PLAYBOOKS_LOCATION): without it no severity opens a war room");
        }
        Arrays.sort(files, Comparator.comparing(r -> String.valueOf(r.getFilename())));
        return new PlaybookLoader().load(List.of(files));
    }
}
