package io.warroom.timeline.internal;

import io.warroom.support.PostgresTest;

@PostgresTest
class TimelinePostgresTest extends TimelineContract {
}
