package io.warroom.schedule.internal;

import io.warroom.support.PostgresTest;

@PostgresTest
class SchedulePostgresTest extends ScheduleContract {
}
