package io.warroom.chat;

import java.util.Locale;

/** A chat platform Warroom talks to. The console is the built-in local one. */
public enum Platform {
    CONSOLE, SLACK, FEISHU;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Platform fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
