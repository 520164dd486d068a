/**
 * The platform-neutral chat model and ports: conversations, actors, inbound commands and actions,
 * outbound messages, the {@link io.warroom.chat.ChatGateway} port and action routing. Knows no platform SDK.
 */
package io.warroom.chat;
