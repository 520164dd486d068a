package io.warroom.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message exists in English and Chinese, each one is a valid MessageFormat pattern, and every bundle
 * (modules keep their own under {@code i18n/}) is one the application actually loads.
 */
class MessageBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    private static Properties load(Path file) throws IOException {
        var p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    /** Base names such as {@code messages} and {@code i18n/alert}, from the English files. */
    private static List<String> bundles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.map(f -> RESOURCES.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith(".properties") && !f.contains("_zh_CN") && (f.startsWith("i18n/") || f.equals("messages.properties")))
                    .map(f -> f.substring(0, f.length() - ".properties".length())).sorted().toList();
        }
    }

    @Test
    void bundlesHaveTheSameKeysInBothLanguages() throws IOException {
        assertThat(bundles()).contains("messages");
        for (String bundle : bundles()) {
            Path zh = RESOURCES.resolve(bundle + "_zh_CN.properties");
            assertThat(zh).as("Chinese twin of %s", bundle).exists();
            assertThat(load(zh).stringPropertyNames()).as(bundle)
                    .containsExactlyInAnyOrderElementsOf(load(RESOURCES.resolve(bundle + ".properties")).stringPropertyNames());
        }
    }

    @Test
    void everyBundleIsLoadedByTheApplication() throws IOException {
        String yaml = Files.readString(RESOURCES.resolve("application.yaml"));
        String line = yaml.lines().filter(l -> l.strip().startsWith("basename:")).findFirst().orElseThrow();
        List<String> configured = List.of(line.substring(line.indexOf(':') + 1).strip().split("\\s*,\\s*"));
        assertThat(configured).containsExactlyInAnyOrderElementsOf(bundles());
    }

    @Test
    void keysAreNotDefinedInTwoBundles() throws IOException {
        var seen = new java.util.HashMap<String, String>();
        for (String bundle : bundles()) {
            for (String key : load(RESOURCES.resolve(bundle + ".properties")).stringPropertyNames()) {
                String other = seen.put(key, bundle);
                assertThat(other).as("key %s is in %s and %s", key, other, bundle).isNull();
            }
        }
    }

    @Test
    void patternsWithArgumentsKeepTheirQuotes() throws IOException {
        for (String bundle : bundles()) {
            for (String file : new String[] {bundle + ".properties", bundle + "_zh_CN.properties"}) {
                var p = load(RESOURCES.resolve(file));
                for (String key : p.stringPropertyNames()) {
                    String pattern = p.getProperty(key);
                    if (!pattern.contains("{0")) {
                        // Without arguments Spring shows the text as is, so a doubled quote would show doubled.
                        assertThat(pattern).as("%s in %s", key, file).doesNotContain("''");
                    } else {
                        String formatted = new MessageFormat(pattern).format(new Object[] {1, 2, 3, 4, 5});
                        assertThat(formatted).as("%s in %s", key, file).doesNotContain("{0}", "{1}");
                        assertThat(formatted.length()).as("a lone quote swallowed text in %s", key)
                                .isGreaterThanOrEqualTo(pattern.replaceAll("\\{\\d[^}]*}", "").replace("''", "'").length());
                    }
                }
            }
        }
    }
}
