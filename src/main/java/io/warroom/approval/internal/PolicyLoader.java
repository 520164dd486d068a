package io.warroom.approval.internal;

import io.warroom.action.RunAs;
import io.warroom.shared.ConfigurationProblem;
import io.warroom.shared.Durations;
import io.warroom.shared.YamlFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.Resource;

/** Reads and validates approval policies; mistakes stop start-up naming the file, the line and the policy. */
class PolicyLoader {

    /**
     * read, change and dangerous are catalog commands; respond (ack, resolve, silence an alert, declare or
     * update an incident) and manage (change the on-call roster) are actions with no second person.
     */
    private static final Set<String> RISKS = Set.of("read", "change", "dangerous", "respond", "manage");
    List<Policy> load(List<Resource> files) {
        List<Policy> result = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Resource file : files) {
            var parsed = YamlFiles.parse(file, PolicyFile.class, "Policies");
            if (parsed.value() == null || parsed.value().policies() == null) {
                continue;
            }
            var specs = parsed.value().policies();
            for (int i = 0; i < specs.size(); i++) {
                var spec = specs.get(i);
                String where = parsed.where("/policies/" + i);
                if (spec == null) {
                    throw new ConfigurationProblem("Policies " + where + ": an empty entry");
                }
                try {
                    Policy p = validate(spec);
                    if (!ids.add(p.id())) {
                        throw new IllegalArgumentException("duplicate id");
                    }
                    result.add(p);
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationProblem("Policies " + where + " (" + spec.id() + "): " + e.getMessage());
                }
            }
        }
        if (result.isEmpty()) {
            throw new ConfigurationProblem("No approval policies found: without them no command may run");
        }
        return List.copyOf(result);
    }

    private static Policy validate(PolicyFile.PolicySpec s) {
        require(s.id() != null && s.id().matches("[a-z][a-z0-9.-]*"), "id must be lowercase letters, digits, '.' or '-'");
        require(s.covers() != null && s.covers().risks() != null && !s.covers().risks().isEmpty(), "covers.risks is required");
        s.covers().risks().forEach(r -> require(RISKS.contains(r), "unknown risk '" + r + "'"));
        int approvals = s.approvals() == null ? 0 : s.approvals();
        boolean changes = s.covers().risks().stream().anyMatch(r -> r.equals("change") || r.equals("dangerous"));
        require(changes || approvals == 0, "approvals apply to change and dangerous only; "
                + s.covers().risks() + " are allowed or refused at once");
        // Two-person rule: whatever the file says, a change needs someone besides the requester.
        require(!changes || approvals >= 1, "policies covering change or dangerous need approvals >= 1");
        require(approvals <= 5, "approvals must be at most 5");
        Policy.Who approvers = who(s.approvers());
        require(!changes || !approvers.isEmpty(), "approvers must name people, groups or roles");
        Duration ttl = s.ttl() == null ? Duration.ofMinutes(15) : ttl(s.ttl());
        require(ttl.compareTo(Duration.ofSeconds(30)) >= 0 && ttl.compareTo(Duration.ofHours(24)) <= 0,
                "ttl must be between 30s and 24h");
        RunAs runAs = s.runAs() == null ? RunAs.bot() : new RunAs(s.runAs().user(), s.runAs().groups());
        return new Policy(s.id(), s.description(), List.copyOf(s.covers().risks()), list(s.covers().commands()),
                list(s.namespaces()), list(s.channels()), who(s.requesters()), approvers, approvals, ttl, runAs,
                s.requesterMayCancel() == null || s.requesterMayCancel());
    }

    private static Policy.Who who(PolicyFile.Who w) {
        return w == null ? new Policy.Who(List.of(), List.of(), List.of())
                : new Policy.Who(list(w.people()), list(w.groups()), list(w.roles()));
    }

    private static Duration ttl(String s) {
        return Durations.parse(s).orElseThrow(() -> new IllegalArgumentException("ttl '" + s + "' must look like 15m, 1h30m or PT15M"));
    }

    private static List<String> list(List<String> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
