package io.warroom.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Changes to the on-call roster made from chat, stored on top of the roster file. Each joins the caller's
 * transaction, publishes its event (timeline stream {@code roster}) and throws
 * {@link RosterChangeException} when the change is not possible. Who may make them is the caller's to
 * check (policy data).
 */
public interface RosterChanges {

    /** Gives {@code role} to {@code person} from {@code from} to {@code to}, whoever the rotation says. */
    RosterChange override(String role, Person person, Instant from, Instant to, String reason, Person by);

    /**
     * {@code a} and {@code b} exchange turns: the shifts {@code a} starts on {@code aDate} go to {@code b}, and
     * the shifts {@code b} starts on {@code bDate} go to {@code a} (dates in the roster's zone).
     */
    RosterChange swap(Person a, LocalDate aDate, Person b, LocalDate bDate, Person by);

    /** Undoes an override or swap from now on; what already happened stays as it was. */
    RosterChange cancel(String id, Person by);

    /** Overrides and swaps that are not over yet, soonest first. */
    List<RosterChange> upcoming();
}
