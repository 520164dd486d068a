/** Operating Warroom itself: start-up diagnostics, readiness, the ready announcement. */
package io.warroom.ops;
