package io.warroom.command.internal.catalog;

import io.warroom.action.ActionExecutors;
import io.warroom.approval.Approvals;
import io.warroom.shared.ConfigurationProblem;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads the command catalog: the files packaged in the jar by default, or a directory the operator mounts
 * ({@code warroom.catalog.location=file:/config/commands/*.yaml}).
 */
@Configuration
class CatalogConfiguration {

    @Bean
    Catalog catalog(@Value("${warroom.catalog.location:classpath*:warroom/commands/*.yaml}") String location,
                    ActionExecutors executors, Approvals approvals) {
        Resource[] files;
        try {
            files = new PathMatchingResourcePatternResolver().getResources(location);
        } catch (IOException e) {
            throw new ConfigurationProblem("Cannot read the command catalog at " + location + ": " + e.getMessage());
        }
        Arrays.sort(files, Comparator.comparing(r -> String.valueOf(r.getFilename())));
        List<CatalogCommand> commands = new CatalogLoader(executors).load(List.of(files));
        for (CatalogCommand c : commands) {
            approvals.validatePolicyReference(c.id(), c.riskId(), c.policy());
        }
        return new Catalog(commands);
    }
}
