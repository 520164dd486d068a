package io.warroom.console.internal;

import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Button;
import io.warroom.chat.OutboundMessage.Input;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders an {@link OutboundMessage} as an HTML fragment for the console page. Everything from the message
 * is escaped; buttons and forms carry only the action id and opaque value, as on the real platforms.
 */
@Component
class ConsoleRenderer {

    String render(OutboundMessage m) {
        StringBuilder h = new StringBuilder();
        h.append("<div class=\"card tone-").append(m.tone().name().toLowerCase(Locale.ROOT)).append("\">");
        if (m.header() != null) {
            h.append("<div class=\"card-header\">").append(esc(m.header())).append("</div>");
        }
        if (!m.mentions().isEmpty()) {
            h.append("<div class=\"card-mentions\">");
            for (var mention : m.mentions()) {
                h.append("<span class=\"mention\">@").append(esc(mention.name())).append("</span> ");
            }
            h.append("</div>");
        }
        if (!m.text().isEmpty()) {
            h.append("<div class=\"card-text\">").append(esc(m.text()).replace("\n", "<br>")).append("</div>");
        }
        if (!m.fields().isEmpty()) {
            h.append("<dl class=\"card-fields\">");
            for (var f : m.fields()) {
                h.append("<dt>").append(esc(f.label())).append("</dt><dd>")
                        .append(esc(f.value()).replace("\n", "<br>")).append("</dd>");
            }
            h.append("</dl>");
        }
        if (m.code() != null) {
            h.append("<pre class=\"card-code\">").append(esc(m.code())).append("</pre>");
        }
        if (!m.links().isEmpty()) {
            h.append("<div class=\"card-links\">");
            for (var l : m.links()) {
                h.append("<a href=\"").append(esc(l.url())).append("\" target=\"_blank\" rel=\"noopener noreferrer\">")
                        .append(esc(l.label())).append("</a> ");
            }
            h.append("</div>");
        }
        if (!m.buttons().isEmpty()) {
            h.append("<div class=\"card-actions\">");
            for (Button b : m.buttons()) {
                h.append("<button type=\"button\" class=\"action style-")
                        .append(b.style().name().toLowerCase(Locale.ROOT))
                        .append("\" data-action-id=\"").append(esc(b.actionId()))
                        .append("\" data-value=\"").append(esc(b.value())).append("\">")
                        .append(esc(b.label())).append("</button>");
            }
            h.append("</div>");
        }
        if (m.form() != null) {
            renderForm(m.form(), h);
        }
        return h.append("</div>").toString();
    }

    private void renderForm(OutboundMessage.Form form, StringBuilder h) {
        h.append("<form class=\"card-form\" data-action-id=\"").append(esc(form.formId())).append("\">");
        if (form.title() != null) {
            h.append("<div class=\"form-title\">").append(esc(form.title())).append("</div>");
        }
        for (Input in : form.inputs()) {
            String name = esc(in.name());
            String initial = in.initialValue() == null ? "" : esc(in.initialValue());
            String required = in.required() ? " required" : "";
            h.append("<label>").append(esc(in.label() == null ? in.name() : in.label()));
            switch (in.type()) {
                case MULTILINE -> h.append("<textarea name=\"").append(name).append('"').append(required).append('>')
                        .append(initial).append("</textarea>");
                case CHECKBOX -> checkboxes(in, h);
                case SELECT -> {
                    h.append("<select name=\"").append(name).append('"').append(required).append('>');
                    for (var o : in.options()) {
                        h.append("<option value=\"").append(esc(o.value())).append('"')
                                .append(o.value().equals(in.initialValue()) ? " selected" : "").append('>')
                                .append(esc(o.label())).append("</option>");
                    }
                    h.append("</select>");
                }
                case TEXT -> h.append("<input type=\"text\" name=\"").append(name).append("\" value=\"")
                        .append(initial).append('"').append(required).append('>');
            }
            h.append("</label>");
        }
        h.append("<button type=\"submit\" class=\"action style-primary\">")
                .append(esc(form.submitLabel() == null ? "Submit" : form.submitLabel()))
                .append("</button></form>");
    }

    /** One box per option (a lone box without options has the value {@code true}), ticked as the initial value says. */
    private static void checkboxes(Input in, StringBuilder h) {
        var chosen = in.initialValue() == null ? java.util.Set.<String>of()
                : new java.util.HashSet<>(java.util.List.of(in.initialValue().split(",", -1)));
        var options = in.options().isEmpty() ? java.util.List.of(new OutboundMessage.Option("true", null)) : in.options();
        boolean single = in.options().isEmpty();
        for (var o : options) {
            if (!single) {
                h.append("<span class=\"choice\">");
            }
            h.append("<input type=\"checkbox\" name=\"").append(esc(in.name())).append("\" value=\"")
                    .append(esc(o.value())).append('"').append(chosen.contains(o.value()) ? " checked" : "").append('>');
            if (!single) {
                h.append(esc(o.label())).append("</span>");
            }
        }
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
