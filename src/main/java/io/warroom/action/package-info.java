/**
 * What Warroom runs against the world: the exact {@link io.warroom.action.ActionSpec} (its digest binds an
 * approval), the {@link io.warroom.action.ActionExecutor} SPI that kubernetes and probe implement, and the
 * registry that finds an executor by name.
 */
package io.warroom.action;
