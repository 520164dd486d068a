/**
 * The runbooks' routine: scheduled service checks as data ({@code checks/*.yaml}: pods, health probes,
 * Prometheus thresholds, backups) run on the existing executors, once across replicas, with one compact
 * report; and periodic reminders (weekly reports, restore drills, VACUUM, key rotation) with a "done" button.
 */
package io.warroom.check;
