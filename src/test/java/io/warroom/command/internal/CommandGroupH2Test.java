package io.warroom.command.internal;

import io.warroom.support.H2Test;

@H2Test
class CommandGroupH2Test extends CommandGroupContract {
}
