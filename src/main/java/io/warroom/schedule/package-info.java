/**
 * Durable timers for work that must happen once at a given time, whatever the number of replicas and
 * restarts: escalation steps, reminders, scheduled checks. Modules schedule {@link io.warroom.schedule.Tasks}
 * by a unique key and handle their own kinds with a {@link io.warroom.schedule.TaskHandler}.
 */
package io.warroom.schedule;
