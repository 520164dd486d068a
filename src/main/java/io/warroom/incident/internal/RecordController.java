package io.warroom.incident.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.warroom.chat.ChatLocales;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /incidents/{id}/record}: the incident record as Markdown (default, or {@code ?format=md}) or
 * JSON ({@code ?format=json}), in the team's language or {@code ?lang=en|zh-CN}. Guarded by
 * {@link RecordAccessFilter}. Reading changes nothing.
 */
@RestController
class RecordController {

    private static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

    private final IncidentRecords records;
    private final PostmortemMarkdown markdown;
    private final ChatLocales locales;
    private final ObjectMapper json;

    RecordController(IncidentRecords records, PostmortemMarkdown markdown, ChatLocales locales, ObjectMapper json) {
        this.records = records;
        this.markdown = markdown;
        this.locales = locales;
        this.json = json.copy().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @GetMapping("/incidents/{id}/record")
    ResponseEntity<String> record(@PathVariable String id, @RequestParam(defaultValue = "md") String format,
                                  @RequestParam(required = false) String lang) {
        if (!IncidentCommand.ID.matcher(id).matches()) {
            return problem(400, "not an incident id");
        }
        Locale locale = lang == null || lang.isBlank() ? locales.defaultLocale() : Locale.forLanguageTag(lang);
        if (!locale.getLanguage().equals("en") && !locale.getLanguage().equals("zh")) {
            return problem(400, "lang must be en or zh-CN");
        }
        var record = records.build(id.toUpperCase(Locale.ROOT), locale);
        if (record.isEmpty()) {
            return problem(404, "no such incident");
        }
        return switch (format) {
            case "md", "markdown" -> ResponseEntity.ok().contentType(MARKDOWN).body(markdown.render(record.get(), locale));
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(write(record.get()));
            default -> problem(400, "format must be md or json");
        };
    }

    private String write(Postmortem p) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseEntity<String> problem(int status, String error) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body("{\"error\":\"" + error + "\"}");
    }
}
