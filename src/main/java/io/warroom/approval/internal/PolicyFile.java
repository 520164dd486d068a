package io.warroom.approval.internal;

import java.util.List;

/** {@code approvals/*.yaml} as written (see docs/approvals.md). */
record PolicyFile(List<PolicySpec> policies) {

    record PolicySpec(String id, String description, Covers covers, List<String> namespaces, List<String> channels,
                      Who requesters, Who approvers, Integer approvals, String ttl, RunAsSpec runAs,
                      Boolean requesterMayCancel) {
    }

    record Covers(List<String> risks, List<String> commands) {
    }

    /** People named directly, members of groups, holders of roles (rotation roles mean "on duty now"). */
    record Who(List<String> people, List<String> groups, List<String> roles) {
    }

    record RunAsSpec(String user, List<String> groups) {
    }
}
