package io.warroom.command.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.action.ActionExecutors;
import io.warroom.command.internal.Tokenizer;
import io.warroom.support.TestExecutor;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.springframework.core.io.ClassPathResource;

/** Whatever people type, parsing ends in a command with valid parameters or a usage error, never a crash. */
class CatalogParsingPropertiesTest {

    private static final Catalog CATALOG = new Catalog(new CatalogLoader(new ActionExecutors(List.of(new TestExecutor())))
            .load(List.of(new ClassPathResource("test-catalog/test.yaml"))));

    @Property(tries = 3000)
    void anyTextParsesOrFailsWithAUsageError(@ForAll("chatText") String text) {
        List<String> tokens;
        try {
            tokens = Tokenizer.split(text);
        } catch (RuntimeException e) {
            assertThat(e.getClass().getSimpleName()).isEqualTo("UsageException");
            return;
        }
        var command = CATALOG.match(tokens);
        if (command.isEmpty()) {
            return;
        }
        try {
            var invocation = CATALOG.bind(command.get(), tokens);
            var action = invocation.command().toAction(invocation.params());
            assertThat(action.digest()).hasSize(64);
        } catch (ParamException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 500)
    void validScaleRequestsParseToExactlyTheirValues(@ForAll("names") String deployment,
                                                    @ForAll @IntRange(min = 0, max = 50) int replicas,
                                                    @ForAll boolean equalsForm) {
        String flag = equalsForm ? "--replicas=" + replicas : "--replicas " + replicas;
        var tokens = Tokenizer.split("scale " + deployment + " " + flag);
        var invocation = CATALOG.bind(CATALOG.match(tokens).orElseThrow(), tokens);
        assertThat(invocation.params()).isEqualTo(Map.of("deployment", deployment, "namespace", "after-sales-prod",
                "replicas", Integer.toString(replicas)));
    }

    @Property(tries = 300)
    void differentParametersNeverShareADigest(@ForAll @IntRange(min = 0, max = 50) int a,
                                              @ForAll @IntRange(min = 0, max = 50) int b) {
        var command = CATALOG.match(List.of("scale")).orElseThrow();
        var x = command.toAction(Map.of("deployment", "backend", "namespace", "ns", "replicas", Integer.toString(a)));
        var y = command.toAction(Map.of("deployment", "backend", "namespace", "ns", "replicas", Integer.toString(b)));
        assertThat(x.digest().equals(y.digest())).isEqualTo(a == b);
    }

    @Provide
    Arbitrary<String> chatText() {
        Arbitrary<String> words = Arbitraries.of("scale", "status", "apikey", "revoke", "backend", "-n", "--namespace",
                "--replicas", "--replicas=", "--reason", "\"", "'", "\\", "=", "-", "--", "5", "-1", "99999999999999999999",
                "after-sales-prod", "Backend", "\u201c", "\u3000", "--force", "k_1", "\t", "");
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(12);
        return Arbitraries.oneOf(words, words, noise).list().ofMaxSize(8).map(l -> String.join(" ", l));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(20)
                .filter(s -> Character.isLetterOrDigit(s.charAt(0)));
    }
}
