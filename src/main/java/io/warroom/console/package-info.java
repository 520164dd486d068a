/**
 * The local console: a web page and JSON endpoints that behave like a chat platform, for trying Warroom
 * without a chat account and for browser tests. It goes through the same command, action and delivery
 * paths as Slack and Feishu. Only loopback clients may use it unless it is exposed with a login.
 */
package io.warroom.console;
