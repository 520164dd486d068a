package io.warroom.incident.internal;

import java.util.Locale;
import org.springframework.stereotype.Component;

/** Lets tests outside this package render an incident's record as Markdown. */
@Component
public class RecordsForTests {

    private final IncidentRecords records;
    private final PostmortemMarkdown markdown;

    RecordsForTests(IncidentRecords records, PostmortemMarkdown markdown) {
        this.records = records;
        this.markdown = markdown;
    }

    public String markdown(String incidentId, Locale locale) {
        return markdown.render(records.build(incidentId, locale).orElseThrow(), locale);
    }
}
