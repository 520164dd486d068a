package io.warroom.alert.internal;

import io.warroom.support.PostgresTest;

@PostgresTest
class AlertIntakePostgresTest extends AlertIntakeContract {
}
