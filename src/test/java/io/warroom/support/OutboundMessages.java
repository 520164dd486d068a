package io.warroom.support;

import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Button;
import io.warroom.chat.OutboundMessage.Form;
import io.warroom.chat.OutboundMessage.Input;
import io.warroom.chat.OutboundMessage.InputType;
import io.warroom.chat.OutboundMessage.Mention;
import io.warroom.chat.OutboundMessage.Option;
import io.warroom.chat.OutboundMessage.Style;
import io.warroom.chat.OutboundMessage.Tone;
import io.warroom.chat.Platform;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Arbitrary {@link OutboundMessage}s for the renderers' conformance suites: every part of the model, with
 * content that is empty, long, unicode-heavy (CJK, emoji beyond the BMP, combining marks, right-to-left) and
 * laden with every platform's markup ({@code <!channel>}, {@code <@U…>}, {@code <at id=all>}, markdown,
 * HTML, entities). Most messages are small; some are far over every limit (hundreds of fields, options and
 * buttons, texts of tens of thousands of characters). Whatever message kind a module builds is one of these.
 */
public final class OutboundMessages {

    /** Markup every platform parses in some field: none of it may take effect from user text. */
    public static final List<String> MARKUP = List.of("<!channel>", "<!here>", "<!everyone>", "<@U0BOSS>",
            "<@U0BOSS|boss>", "<#C0OPS|ops>", "<!subteam^S1>", "<https://evil.example|click>", "<at id=all></at>",
            "<at id=ou_boss></at>", "<at user_id=\"all\"></at>", "<font color='red'>x</font>", "**bold**", "*i*",
            "_u_", "~~s~~", "`code`", "```\nfence\n```", "[x](https://evil.example)", "![i](img_v2)", "# head",
            "> quote", "- item", "1. item", "| a | b |", "&amp;", "&lt;!channel&gt;", "&#60;", "<script>alert(1)</script>",
            "\"quoted\"", "'single'", ":DONE:", "$var", "\\", "\n", "\r\n", "\t", "  ", "{{x}}", "%s", "javascript:alert(1)");
    private static final List<String> SCRIPTS = List.of("值班交接单", "故障记录", "告警", "😀", "🚨🔥", "👩‍💻", "e\u0301",
            "مرحبا", "שלום", "\u200b", "\u00a0", "ß", "İ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢");

    private OutboundMessages() {
    }

    /** Text built from words, markup and unicode; sometimes empty, sometimes very long. */
    public static Arbitrary<String> text(int maxChunks) {
        Arbitrary<String> chunk = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.strings().alpha().numeric().withChars(" .,:;-/").ofMaxLength(12)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(MARKUP)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(SCRIPTS)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMaxLength(30)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(12, chunk.list().ofMaxSize(maxChunks).map(l -> String.join("", l))),
                net.jqwik.api.Tuple.of(1, chunk.list().ofMinSize(200).ofMaxSize(400).map(l -> String.join("", l).repeat(20))));
    }

    public static Arbitrary<OutboundMessage> messages() {
        Arbitrary<String> words = text(12);
        Arbitrary<String> header = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(4, words));
        Arbitrary<List<OutboundMessage.Field>> fields = many(Combinators.combine(words, words)
                .as(OutboundMessage.Field::new), 12, 400);
        Arbitrary<List<Button>> buttons = many(Combinators.combine(id(), words, value(), Arbitraries.of(Style.class))
                .as(Button::new), 6, 80);
        Arbitrary<List<Mention>> mentions = many(Combinators.combine(words, Arbitraries.of("U0LISI", "U0ZHANGSAN",
                "U<!channel>", ""), Arbitraries.of("ou_lisi01", "ou_x-y", "<at id=all>", "")).as((name, slack, feishu) -> {
                    var ids = new EnumMap<Platform, String>(Platform.class);
                    ids.put(Platform.SLACK, slack);
                    ids.put(Platform.FEISHU, feishu);
                    return new Mention(name.isEmpty() ? "someone" : name, ids);
                }), 3, 30);
        Arbitrary<List<OutboundMessage.Link>> links = many(Combinators.combine(words,
                Arbitraries.strings().alpha().numeric().withChars("/._-?=&|()%").ofMaxLength(80))
                .as((label, path) -> new OutboundMessage.Link(label, "https://runbooks.example.com/" + path)), 3, 40);
        Arbitrary<Form> form = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just((Form) null)),
                net.jqwik.api.Tuple.of(2, form(words)));
        Arbitrary<String> code = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(1, text(40)));
        return Combinators.combine(header, Arbitraries.of(Tone.class), text(20), fields, buttons, form, code,
                mentions).as((h, tone, t, f, b, fo, c, m) -> new Object[] {h, tone, t, f, b, fo, c, m})
                .flatMap(parts -> links.map(l -> {
                    @SuppressWarnings("unchecked")
                    var message = new OutboundMessage((String) parts[0], (Tone) parts[1], (String) parts[2],
                            (List<OutboundMessage.Field>) parts[3], (List<Button>) parts[4], (Form) parts[5],
                            (String) parts[6], (List<Mention>) parts[7], l);
                    return message;
                }));
    }

    static Arbitrary<Form> form(Arbitrary<String> words) {
        Arbitrary<List<Option>> options = many(Combinators.combine(value().filter(v -> !v.isEmpty())
                .map(v -> v.length() > 150 ? v.substring(0, 150) : v), words).as(Option::new), 8, 300);
        Arbitrary<Input> input = Combinators.combine(words, Arbitraries.of(InputType.class), Arbitraries.of(true, false),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)),
                        net.jqwik.api.Tuple.of(2, words)), options)
                .as((label, type, required, initial, opts) -> new Input("x", label, type, required, initial, opts));
        return Combinators.combine(id(), words, words, input.list().ofMaxSize(12)).as((formId, title, submit, inputs) -> {
            List<Input> named = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                Input in = inputs.get(i);
                // Names are ids, any characters: unique, and sometimes the names a card uses for itself.
                String name = List.of("submit", "form", "name", "in_x", "a.b:c", "值班", "x<y")
                        .get(i % 7) + (i < 7 ? "" : "-" + i);
                String initial = in.initialValue();
                if (!in.options().isEmpty() && i % 2 == 0) {
                    initial = in.options().get(0).value();
                }
                named.add(new Input(name, in.label(), in.type(), in.required(), initial, in.options()));
            }
            return new Form(formId, title, submit, named);
        });
    }

    /** An action or form id: printable, sometimes long. */
    static Arbitrary<String> id() {
        return Arbitraries.strings().alpha().numeric().withChars(".-_:").ofMinLength(1).ofMaxLength(200);
    }

    /** An opaque value: sometimes empty, with any characters. */
    static Arbitrary<String> value() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().alpha().numeric().withChars("-_:<>&@!|").ofMaxLength(40)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('\u4e00', '\u4e20').ofMaxLength(300)));
    }

    /** Usually up to {@code usual} items, sometimes up to {@code huge}. */
    static <T> Arbitrary<List<T>> many(Arbitrary<T> item, int usual, int huge) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, item.list().ofMaxSize(usual)),
                net.jqwik.api.Tuple.of(1, item.list().ofMinSize(usual).ofMaxSize(huge)));
    }
}
