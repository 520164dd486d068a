/** Shared kernel: the few types every module may use (domain event contract). Depends on nothing. */
package io.warroom.shared;
