package io.warroom.timeline.internal;

import io.warroom.support.H2Test;

@H2Test
class TimelineH2Test extends TimelineContract {
}
