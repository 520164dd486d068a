package io.warroom.command.internal.catalog;

import io.warroom.command.internal.Tokenizer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The loaded catalog: finds the command a text invokes (longest matching words) and parses its arguments. */
public class Catalog {

    /** A command and its parsed, normalised parameters. */
    public record Invocation(CatalogCommand command, Map<String, String> params) {
    }

    private final List<CatalogCommand> commands;

    public Catalog(List<CatalogCommand> commands) {
        // Longest phrases first, so "rollout status" wins over a hypothetical "rollout".
        this.commands = commands.stream()
                .sorted(Comparator.comparingInt((CatalogCommand c) -> -c.words().size()).thenComparing(CatalogCommand::id))
                .toList();
    }

    public static List<String> tokens(String text) {
        return Tokenizer.split(text);
    }

    public List<CatalogCommand> commands() {
        return commands;
    }

    /** The command whose words start {@code tokens}, if any. */
    public Optional<CatalogCommand> match(List<String> tokens) {
        return commands.stream()
                .filter(c -> tokens.size() >= c.words().size()
                        && tokens.subList(0, c.words().size()).stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).toList()
                        .equals(c.words()))
                .findFirst();
    }

    /** Parses the arguments after the command's words; {@link ParamException} says what is wrong. */
    public Invocation bind(CatalogCommand command, List<String> tokens) {
        return new Invocation(command, ArgumentParser.parse(command.params(), tokens.subList(command.words().size(), tokens.size())));
    }

    /** Every first word and every full phrase, for "did you mean". */
    public List<String> vocabulary() {
        return commands.stream().flatMap(c -> java.util.stream.Stream.of(c.words().get(0), c.phrase())).distinct().toList();
    }
}
