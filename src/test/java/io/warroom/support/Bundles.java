package io.warroom.support;

import io.warroom.chat.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's message bundles, as configured in application.yaml, for tests without a context. */
public final class Bundles {

    private Bundles() {
    }

    public static Texts texts() {
        var source = new ResourceBundleMessageSource();
        try {
            String line = Files.readString(Path.of("src/main/resources/application.yaml")).lines()
                    .filter(l -> l.strip().startsWith("basename:")).findFirst().orElseThrow();
            source.setBasenames(line.substring(line.indexOf(':') + 1).strip().split("\\s*,\\s*"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new Texts(source);
    }
}
