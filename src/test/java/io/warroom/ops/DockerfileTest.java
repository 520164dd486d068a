package io.warroom.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a platform team checks in an image before admitting it: pinned bases, a non-root user, OCI labels,
 * no JDK in the final image, and a context that cannot leak the work tree. Docker does not run here, so the
 * file itself is checked; {@link ImageRuntimeIT} runs its runtime step.
 */
class DockerfileTest {

    private final Dockerfile dockerfile = Dockerfile.read();

    DockerfileTest() throws Exception {
    }

    @Test
    void everyBaseImageIsPinnedToAnExactVersionAndDigest() {
        List<String> froms = dockerfile.all("FROM");
        assertThat(froms).hasSize(2);
        for (String from : froms) {
            String image = from.split("\\s+")[0];
            if (image.startsWith("${")) {
                image = dockerfile.argDefault(image.substring(2, image.length() - 1));
            }
            assertThat(image).as(from).matches("[\\w./-]+:[\\w.-]*\\d[\\w.-]*@sha256:[0-9a-f]{64}");
            String tag = image.substring(image.indexOf(':') + 1, image.indexOf('@'));
            assertThat(tag).as("an exact release, not a moving tag").doesNotContain("latest")
                    .matches(".*\\d+\\.\\d+\\.\\d+.*|.*-\\d{8}.*");
        }
    }

    @Test
    void theImageRunsAsTheChartsNonRootUser() throws Exception {
        List<String> users = dockerfile.finalStage().stream().filter(i -> i.keyword().equals("USER"))
                .map(Dockerfile.Instruction::arguments).toList();
        assertThat(users).as("the final stage sets a user").isNotEmpty();
        String user = users.get(users.size() - 1);
        assertThat(user).as("numeric, so runAsNonRoot can verify it").matches("\\d+(:\\d+)?");
        assertThat(Integer.parseInt(user.split(":")[0])).isNotZero();
        JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(Path.of("helm/warroom/values.yaml").toFile());
        assertThat(user).isEqualTo(values.at("/podSecurityContext/runAsUser").asInt() + ":"
                + values.at("/podSecurityContext/runAsGroup").asInt());
    }

    @Test
    void theImageCarriesOciLabels() {
        assertThat(dockerfile.labels()).containsKeys("org.opencontainers.image.title",
                "org.opencontainers.image.version", "org.opencontainers.image.revision",
                "org.opencontainers.image.created", "org.opencontainers.image.source",
                "org.opencontainers.image.licenses", "org.opencontainers.image.base.name");
        assertThat(dockerfile.labels().get("org.opencontainers.image.licenses")).isEqualTo("Apache-2.0");
    }

    @Test
    void theFinalImageHasTheLinkedRuntimeAndNoHealthcheck() throws Exception {
        var finalStage = dockerfile.finalStage();
        assertThat(finalStage).extracting(Dockerfile.Instruction::keyword).doesNotContain("HEALTHCHECK");
        assertThat(finalStage).filteredOn(i -> i.keyword().equals("COPY"))
                .extracting(Dockerfile.Instruction::arguments)
                .anyMatch(a -> a.equals("--from=build /build/runtime /opt/java"))
                .allMatch(a -> a.startsWith("--from=build /build/"));
        List<String> entrypoint = dockerfile.entrypoint();
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).contains("-jar", "/app/warroom.jar");
        assertThat(dockerfile.heredocs()).containsKey("RUNTIME");
        assertThat(dockerfile.heredocs().get("RUNTIME")).contains("jdeps", "--print-module-deps", "jlink",
                "extract --layers");
    }

    @Test
    void theBuildContextIsAnAllowList() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(lines.get(0)).as("everything excluded first").isEqualTo("*");
        assertThat(lines).doesNotContain("!target/", "!data/", "!.git/", "!src/test/");
        for (String copied : dockerfile.all("COPY")) {
            if (!copied.startsWith("--from")) {
                String source = copied.split("\\s+")[0];
                assertThat(lines).as("COPY %s is in the context", source)
                        .anyMatch(l -> l.equals("!" + source) || l.equals("!" + source.replaceAll("/$", "") + "/"));
            }
        }
    }

    @Test
    void everyFolderThePomPackagesIsCopiedIntoTheBuild() throws Exception {
        // Maven skips a resource folder that is missing, so a folder left out here would quietly drop the
        // packaged defaults (checks, playbooks, ...) from the image.
        List<String> copied = dockerfile.all("COPY").stream().filter(c -> !c.startsWith("--from"))
                .map(c -> c.split("\\s+")[0].replaceAll("/$", "")).toList();
        Matcher resource = Pattern.compile("<resource>\\s*<directory>([^<]+)</directory>")
                .matcher(Files.readString(Path.of("pom.xml")));
        int folders = 0;
        while (resource.find()) {
            folders++;
            String folder = resource.group(1);
            assertThat(copied).as("the build stage copies %s, which the pom packages", folder)
                    .anyMatch(c -> folder.equals(c) || folder.startsWith(c + "/"));
        }
        assertThat(folders).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theChartDefaultsToTheImageTheDocsBuild() throws Exception {
        JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(Path.of("helm/warroom/values.yaml").toFile());
        JsonNode chart = new ObjectMapper(new YAMLFactory()).readTree(Path.of("helm/warroom/Chart.yaml").toFile());
        String image = values.at("/image/repository").asText() + ":" + chart.path("appVersion").asText();
        Matcher build = Pattern.compile("docker build -t (\\S+) ").matcher(Files.readString(Path.of("docs/operations.md")));
        assertThat(build.find()).as("docs/operations.md shows the docker build command").isTrue();
        assertThat(build.group(1)).isEqualTo(image);
        assertThat(dockerfile.argDefault("VERSION")).isEqualTo(chart.path("appVersion").asText());
    }
}
