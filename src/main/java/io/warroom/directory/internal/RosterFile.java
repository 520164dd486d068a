package io.warroom.directory.internal;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** The roster YAML as written (see docs/roster.md). */
record RosterFile(String timezone, List<PersonSpec> people, List<RotationSpec> rotations,
                  List<OverrideSpec> overrides) {

    record PersonSpec(String id, String name, String email, String phone, String slack, String feishu,
                      List<String> groups, List<String> roles) {
    }

    /**
     * A role handed round {@code members} every {@code length} ({@code 7d}, {@code 12h}, {@code P7D}), counted
     * from {@code start}; on duty only inside the {@code active} windows.
     */
    record RotationSpec(String role, List<String> members, LocalDateTime start, String length,
                        List<WindowSpec> active) {
    }

    /** {@code days} like MON-FRI, SAT,SUN or ALL; {@code to} before {@code from} runs past midnight; equal means all day. */
    record WindowSpec(String days, LocalTime from, LocalTime to) {
    }

    record OverrideSpec(String role, String person, LocalDateTime from, LocalDateTime to, String reason) {
    }
}
