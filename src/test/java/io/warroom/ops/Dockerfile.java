package io.warroom.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's Dockerfile read the way the tests need it: instructions with their continuation lines
 * joined, build-argument defaults, and the body of a {@code RUN <<'NAME'} heredoc, so a test can run the
 * very script the image build runs.
 */
record Dockerfile(List<Instruction> instructions, Map<String, String> heredocs) {

    static final Path PATH = Path.of("Dockerfile");

    record Instruction(String keyword, String arguments) {
    }

    static Dockerfile read() throws IOException {
        List<String> lines = Files.readAllLines(PATH);
        List<Instruction> instructions = new ArrayList<>();
        Map<String, String> heredocs = new LinkedHashMap<>();
        Pattern heredoc = Pattern.compile("<<-?'?(\\w+)'?\\s*$");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            StringBuilder text = new StringBuilder(line.strip());
            while (text.toString().endsWith("\\") && i + 1 < lines.size()) {
                text.setLength(text.length() - 1);
                String next = lines.get(++i);
                if (!next.stripLeading().startsWith("#")) {
                    text.append(' ').append(next.strip());
                }
            }
            String[] parts = text.toString().split("\\s+", 2);
            Instruction instruction = new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : "");
            instructions.add(instruction);
            Matcher m = heredoc.matcher(instruction.arguments());
            if (m.find()) {
                StringBuilder body = new StringBuilder();
                while (!lines.get(++i).strip().equals(m.group(1))) {
                    body.append(lines.get(i)).append('\n');
                }
                heredocs.put(m.group(1), body.toString());
            }
        }
        return new Dockerfile(List.copyOf(instructions), Map.copyOf(heredocs));
    }

    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The instructions after the last FROM: what the image that ships is made of. */
    List<Instruction> finalStage() {
        int last = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                last = i;
            }
        }
        return instructions.subList(last, instructions.size());
    }

    /** The default of {@code ARG name=value} (the first one that gives a value). */
    String argDefault(String name) {
        return all("ARG").stream().filter(a -> a.startsWith(name + "=")).findFirst()
                .map(a -> unquote(a.substring(name.length() + 1)))
                .orElseThrow(() -> new IllegalStateException("no ARG " + name + " with a default"));
    }

    /** Every {@code key="value"} of the LABEL instructions. */
    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([\\w.\\-]+)=\"([^\"]*)\"").matcher(String.join(" ", all("LABEL")));
        while (m.find()) {
            labels.put(m.group(1), m.group(2));
        }
        return labels;
    }

    /** The exec-form ENTRYPOINT of the final stage. */
    List<String> entrypoint() throws IOException {
        String json = finalStage().stream().filter(i -> i.keyword().equals("ENTRYPOINT")).reduce((a, b) -> b)
                .orElseThrow().arguments();
        return List.of(new ObjectMapper().readValue(json, String[].class));
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
