/**
 * Incidents: declaring them (by hand, or through {@link io.warroom.incident.Incidents} from an alert), war
 * rooms on every configured platform at once, the incident card, roles and status updates, the timed P0
 * checklist, and the incident record (故障记录). Knows no chat platform: everything goes through the outbox.
 */
package io.warroom.incident;
