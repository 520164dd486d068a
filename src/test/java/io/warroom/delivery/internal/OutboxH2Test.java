package io.warroom.delivery.internal;

import io.warroom.support.H2Test;

@H2Test
class OutboxH2Test extends OutboxContract {
}
