/** The tamper-evident incident and conversation timeline. Depends only on the shared kernel. */
package io.warroom.timeline;
