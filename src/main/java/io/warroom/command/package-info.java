/** Parsing text to commands, access checks, dispatch, and the built-in commands. */
package io.warroom.command;
