/**
 * Two-person approval of privileged actions: policies (who may request, who may approve, how many, how
 * long, which identity runs it), the request lifecycle, claiming an approval exactly once, expiry, the
 * approval card and the execution that follows.
 */
package io.warroom.approval;
