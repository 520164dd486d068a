package io.warroom.support;

import io.warroom.chat.Texts;
import io.warroom.shared.Text;
import java.util.Locale;

/** Texts as an English reader sees them, for assertions on executors' words without a Spring context. */
public final class English {

    private static final Texts TEXTS = Bundles.texts();

    private English() {
    }

    public static String of(Text text) {
        return TEXTS.get(Locale.ENGLISH, text);
    }

    public static String zh(Text text) {
        return TEXTS.get(Locale.SIMPLIFIED_CHINESE, text);
    }
}
