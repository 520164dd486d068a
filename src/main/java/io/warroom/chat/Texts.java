package io.warroom.chat;

import io.warroom.shared.Text;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Message bundle lookup (messages.properties, messages_zh_CN.properties and each module's i18n/ bundle). */
@Component
public class Texts {

    private final MessageSource source;

    public Texts(MessageSource source) {
        this.source = source;
    }

    public String get(Locale locale, String key, Object... args) {
        return source.getMessage(key, args, key, locale);
    }

    /** A {@link Text} in {@code locale}; its nested texts in the same language, plain values as they are. */
    public String get(Locale locale, Text text) {
        if (text == null) {
            return "";
        }
        if (text.isPlain()) {
            return text.getDefaultMessage();
        }
        return source.getMessage(text.key(), text.getArguments(), text.key(), locale);
    }
}
