package io.warroom.command.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.action.ActionExecutors;
import io.warroom.shared.ConfigurationProblem;
import io.warroom.support.Mutations;
import io.warroom.support.TestExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.springframework.core.io.ByteArrayResource;

/**
 * Damaged catalog files: each loads or stops start-up with a problem naming the file and a line, never a
 * crash; whatever loads still keeps the catalog's rules (examples that parse, parameters the executor takes).
 */
class CatalogFuzzTest {

    static final String CATALOG = read();
    static final CatalogLoader LOADER = new CatalogLoader(new ActionExecutors(List.of(new TestExecutor())));

    static String read() {
        try {
            return Files.readString(Path.of("src/test/resources/test-catalog/test.yaml"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Property(tries = 500)
    void aDamagedCatalogLoadsOrIsRefusedWithFileAndLine(@ForAll long seed) {
        String text = Mutations.text(CATALOG, new Random(seed));
        List<CatalogCommand> commands;
        try {
            commands = LOADER.load(List.of(new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return "test.yaml";
                }
            }));
        } catch (ConfigurationProblem e) {
            assertThat(e.getMessage()).matches("(?s)Catalog test\\.yaml(:\\d+)?[ :].*");
            return;
        }
        var executor = new TestExecutor();
        for (CatalogCommand c : commands) {
            assertThat(c.words()).isNotEmpty().allSatisfy(w -> assertThat(w).matches("[a-z][a-z0-9-]*"));
            assertThat(executor.operations()).contains(c.action().operation());
            if (c.action().parameters() != null) {
                assertThat(c.action().parameters().keySet())
                        .allSatisfy(p -> assertThat(CatalogLoader.takes(executor.parameters(c.action().operation()), p)).isTrue());
            }
        }
    }
}
