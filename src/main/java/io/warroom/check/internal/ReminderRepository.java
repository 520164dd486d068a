package io.warroom.check.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reminders posted and who marked them done (table {@code reminder_occurrence}). */
@Repository
class ReminderRepository {

    /** One posted reminder. */
    record Occurrence(String publicId, String reminderId, Instant slot, Instant doneAt, String doneBy) {
    }

    private final JdbcClient jdbc;

    ReminderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when this reminder's slot was already posted */
    boolean insert(String publicId, String reminderId, Instant slot, Instant postedAt) {
        return jdbc.sql("""
                insert into reminder_occurrence (public_id, reminder_id, slot_at, posted_at) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(publicId, reminderId, CheckRunRepository.ts(slot), CheckRunRepository.ts(postedAt)).update() == 1;
    }

    Optional<Occurrence> find(String publicId) {
        return jdbc.sql("select * from reminder_occurrence where public_id = ?").param(publicId)
                .query((rs, n) -> new Occurrence(rs.getString("public_id"), rs.getString("reminder_id"),
                        CheckRunRepository.instant(rs, "slot_at"), CheckRunRepository.instant(rs, "done_at"),
                        rs.getString("done_by")))
                .optional();
    }

    /** @return true for the one click that marked it done */
    boolean markDone(String publicId, String by, Instant at) {
        return jdbc.sql("update reminder_occurrence set done_at = ?, done_by = ? where public_id = ? and done_at is null")
                .params(CheckRunRepository.ts(at), by, publicId).update() == 1;
    }
}
