package io.warroom.command.internal;

import io.warroom.support.PostgresTest;

@PostgresTest
class CommandGroupPostgresTest extends CommandGroupContract {
}
