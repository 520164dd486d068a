package io.warroom.shared;

import java.util.Locale;

/**
 * How a chat platform reaches Warroom: {@code HTTP}, the platform calls Warroom's public endpoint; or
 * {@code SOCKET}, Warroom opens a WebSocket to the platform (Slack Socket Mode, the Feishu/Lark long
 * connection 长连接) and nothing listens publicly.
 */
public enum InboundMode {
    HTTP, SOCKET;

    /**
     * Reads a setting's value: {@code http} (also when empty), or {@code socket}, {@code socket-mode},
     * {@code long-connection}.
     * @param setting the property and its environment variable, for the error message
     */
    public static InboundMode parse(String value, String setting) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (v) {
            case "", "http", "webhook" -> HTTP;
            case "socket", "socket-mode", "long-connection", "websocket" -> SOCKET;
            default -> throw new ConfigurationProblem(setting + " must be http or socket (long-connection), not '"
                    + value.trim() + "'");
        };
    }
}
