package io.warroom.check.internal;

import io.warroom.action.ActionSpec;

/** One check: what to ask an executor ({@code action}) and how to judge the answer. */
record Check(String id, Names names, String runbook, ActionSpec action, Judge judge) {
}
