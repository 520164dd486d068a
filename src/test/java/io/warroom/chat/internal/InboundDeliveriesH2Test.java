package io.warroom.chat.internal;

import io.warroom.support.H2Test;

@H2Test
class InboundDeliveriesH2Test extends InboundDeliveriesContract {
}
