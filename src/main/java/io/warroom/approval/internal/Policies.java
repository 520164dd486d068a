package io.warroom.approval.internal;

import io.warroom.shared.ConfigurationProblem;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The loaded policies, in file order; picks the one that applies to a command. */
@Component
class Policies {

    private final List<Policy> policies;

    Policies(@Value("${warroom.approvals.location:classpath*:warroom/approvals/*.yaml}") String location) {
        Resource[] files;
        try {
            files = new PathMatchingResourcePatternResolver().getResources(location);
        } catch (IOException e) {
            throw new ConfigurationProblem("Cannot read approval policies at " + location + ": " + e.getMessage());
        }
        Arrays.sort(files, Comparator.comparing(r -> String.valueOf(r.getFilename())));
        this.policies = new PolicyLoader().load(List.of(files));
    }

    Optional<Policy> byId(String id) {
        return policies.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The catalog's named policy if it covers the command, else the first policy that does. */
    Optional<Policy> forCommand(String commandId, String risk, String named) {
        if (named != null) {
            return byId(named).filter(p -> p.covers(commandId, risk));
        }
        return policies.stream().filter(p -> p.covers(commandId, risk)).findFirst();
    }

    List<Policy> all() {
        return policies;
    }
}
