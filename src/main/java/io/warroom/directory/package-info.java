/** People, groups, roles, on-call rotations and overrides, loaded from the roster file. */
package io.warroom.directory;
