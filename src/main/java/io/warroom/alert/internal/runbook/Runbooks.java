package io.warroom.alert.internal.runbook;

import io.warroom.alert.LabelMatcher;
import io.warroom.alert.internal.AlertsProperties;
import io.warroom.shared.ConfigurationProblem;
import io.warroom.shared.YamlFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** Alert runbooks, in file order; the first whose labels match an alert group is its runbook. */
@Component
public class Runbooks {

    private static final int MAX_COMMANDS = 8;

    private final List<Runbook> runbooks;

    public Runbooks(AlertsProperties properties) {
        Resource[] files;
        try {
            files = new PathMatchingResourcePatternResolver().getResources(properties.runbooks());
        } catch (IOException e) {
            throw new ConfigurationProblem("Alert runbooks at " + properties.runbooks() + " cannot be read: " + e.getMessage());
        }
        Arrays.sort(files, Comparator.comparing(r -> String.valueOf(r.getFilename())));
        List<Runbook> list = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Resource file : files) {
            RunbookFile f = YamlFiles.read(file, RunbookFile.class, "Alert runbooks");
            if (f == null || f.runbooks() == null) {
                continue;
            }
            for (var e : f.runbooks()) {
                try {
                    Runbook r = validate(e);
                    if (!ids.add(r.id())) {
                        throw new IllegalArgumentException("defined twice");
                    }
                    list.add(r);
                } catch (IllegalArgumentException ex) {
                    throw new ConfigurationProblem("Alert runbooks " + YamlFiles.name(file) + " (" + e.id() + "): " + ex.getMessage());
                }
            }
        }
        this.runbooks = List.copyOf(list);
    }

    public Optional<Runbook> forLabels(Map<String, String> labels) {
        return runbooks.stream().filter(r -> r.matches(labels)).findFirst();
    }

    private static Runbook validate(RunbookFile.Entry e) {
        require(e.id() != null && e.id().matches("[a-z0-9][a-z0-9-]*"), "id must be lowercase letters, digits or '-'");
        boolean matchesSomething = (e.match() != null && !e.match().isEmpty()) || (e.matchRe() != null && !e.matchRe().isEmpty())
                || (e.present() != null && !e.present().isEmpty());
        require(matchesSomething, "needs match, matchRe or present");
        require(e.steps() != null && e.steps().containsKey("en") && e.steps().containsKey("zh-CN"),
                "steps need 'en' and 'zh-CN'");
        List<String> commands = e.commands() == null ? List.of() : List.copyOf(e.commands());
        require(commands.size() <= MAX_COMMANDS, "at most " + MAX_COMMANDS + " commands");
        for (String c : commands) {
            require(c != null && !c.isBlank() && !c.startsWith("/"), "a command is written without /warroom, e.g. \"pods {deployment}\"");
        }
        return new Runbook(e.id(), LabelMatcher.of(e.match(), e.matchRe(), e.present()), e.source(), Map.copyOf(e.steps()),
                commands);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
