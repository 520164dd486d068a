package io.warroom.delivery.internal;

import io.warroom.support.PostgresTest;

@PostgresTest
class OutboxPostgresTest extends OutboxContract {
}
