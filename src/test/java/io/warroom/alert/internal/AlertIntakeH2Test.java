package io.warroom.alert.internal;

import io.warroom.support.H2Test;

@H2Test
class AlertIntakeH2Test extends AlertIntakeContract {
}
