package io.warroom.check.internal;

import io.warroom.action.ActionExecutors;
import io.warroom.directory.Directory;
import io.warroom.shared.ConfigurationProblem;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The check files: packaged from {@code checks/}, or a directory the operator mounts. */
@Configuration
class CheckConfiguration {

    @Bean
    CheckCatalog checkCatalog(CheckProperties properties, ActionExecutors executors, Directory directory) {
        Resource[] files;
        try {
            files = new PathMatchingResourcePatternResolver().getResources(properties.location());
        } catch (IOException e) {
            throw new ConfigurationProblem("Cannot read the check files at " + properties.location() + ": " + e.getMessage());
        }
        Arrays.sort(files, Comparator.comparing(r -> String.valueOf(r.getFilename())));
        return new CheckLoader(executors, directory.zone(), properties.schedules()).load(List.of(files));
    }
}
