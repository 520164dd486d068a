package io.warroom.chat.internal;

import io.warroom.support.PostgresTest;

@PostgresTest
class InboundDeliveriesPostgresTest extends InboundDeliveriesContract {
}
