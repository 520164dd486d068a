/**
 * Feishu / Lark: settings, the Open API client (token cache, messages, cards, group chats), the
 * {@code /feishu/events} endpoint for event subscription v2 and card callbacks, the card renderer and the
 * {@link io.warroom.chat.ChatGateway} for Feishu. Everything but the settings lives in {@code internal} and
 * exists only when Feishu is configured.
 */
package io.warroom.feishu;
