/**
 * On-call shifts as people work them: {@code /warroom oncall} (who is on duty, the week ahead, overrides and
 * swaps from chat), the shift handoff form (值班交接单) at every handover with its reminders and the incoming
 * engineer's acknowledgement, and {@code /warroom handoff}.
 */
package io.warroom.handoff;
