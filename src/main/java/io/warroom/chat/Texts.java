package io.warroom.chat;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Message bundle lookup (messages.properties, messages_zh_CN.properties). */
@Component
public class Texts {

    private final MessageSource source;

    public Texts(MessageSource source) {
        this.source = source;
    }

    public String get(Locale locale, String key, Object... args) {
        return source.getMessage(key, args, key, locale);
    }
}
