package io.warroom.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every message exists in English and Chinese, and each one is a valid MessageFormat pattern. */
class MessageBundlesTest {

    private static Properties load(String name) throws IOException {
        var p = new Properties();
        try (var in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bundlesHaveTheSameKeys() throws IOException {
        assertThat(load("messages_zh_CN.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void patternsWithArgumentsKeepTheirQuotes() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_zh_CN.properties"}) {
            var p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                if (!pattern.contains("{0}")) {
                    // Without arguments Spring shows the text as is, so a doubled quote would show doubled.
                    assertThat(pattern).as("%s in %s", key, bundle).doesNotContain("''");
                }
                if (pattern.contains("{0}")) {
                    String formatted = new MessageFormat(pattern).format(new Object[] {"A", "B", "C"});
                    assertThat(formatted).as("%s in %s", key, bundle).doesNotContain("{0}", "{1}");
                    assertThat(formatted.length()).as("a lone quote swallowed text in %s", key)
                            .isGreaterThanOrEqualTo(pattern.replaceAll("\\{\\d}", "").replace("''", "'").length());
                }
            }
        }
    }
}
