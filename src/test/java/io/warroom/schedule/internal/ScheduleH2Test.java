package io.warroom.schedule.internal;

import io.warroom.support.H2Test;

@H2Test
class ScheduleH2Test extends ScheduleContract {
}
