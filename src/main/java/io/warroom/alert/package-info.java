/**
 * Alertmanager alert groups as chat threads: webhook intake, routing to channels, one live root message
 * per group and destination (or a storm digest), Ack / Resolve / Silence, acknowledgement deadlines and
 * escalation. Knows no chat platform.
 */
package io.warroom.alert;
