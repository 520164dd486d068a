package io.warroom.chat;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which language Warroom writes in: a default, overridden per platform (Feishu teams usually want
 * zh-CN) and per channel.
 */
@ConfigurationProperties("warroom.locale")
public record ChatLocales(Locale defaultLocale, Map<Platform, Locale> platforms, Map<String, Locale> channels) {

    public ChatLocales {
        defaultLocale = defaultLocale == null ? Locale.ENGLISH : defaultLocale;
        // Settings add to the defaults rather than replace them: Feishu stays Chinese unless told otherwise.
        var merged = new java.util.EnumMap<Platform, Locale>(Platform.class);
        merged.put(Platform.FEISHU, Locale.SIMPLIFIED_CHINESE);
        if (platforms != null) {
            merged.putAll(platforms);
        }
        platforms = Map.copyOf(merged);
        channels = channels == null ? Map.of() : Map.copyOf(channels);
    }

    public Locale of(Conversation conversation) {
        Locale channel = channels.get(conversation.platform().id() + ":" + conversation.channel());
        if (channel != null) {
            return channel;
        }
        return platforms.getOrDefault(conversation.platform(), defaultLocale);
    }
}
