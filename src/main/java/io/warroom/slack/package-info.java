/** Slack through Bolt for Java: settings now; listeners, renderer and gateway arrive with the Slack issue. */
package io.warroom.slack;
