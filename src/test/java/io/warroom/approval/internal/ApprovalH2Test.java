package io.warroom.approval.internal;

import io.warroom.support.H2Test;

@H2Test
class ApprovalH2Test extends ApprovalContract {
}
