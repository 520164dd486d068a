package io.warroom.approval.internal;

import io.warroom.support.PostgresTest;

@PostgresTest
class ApprovalPostgresTest extends ApprovalContract {
}
