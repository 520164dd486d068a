/**
 * Slack through Bolt for Java (HTTP mode, {@code /slack/events}): listeners for slash commands, block
 * actions, view submissions and events, the Block Kit renderer and the {@code SlackChatGateway}. Other
 * modules need nothing from here but {@link io.warroom.slack.SlackProperties}; the rest is internal.
 */
package io.warroom.slack;
