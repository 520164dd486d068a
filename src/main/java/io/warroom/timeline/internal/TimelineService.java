package io.warroom.timeline.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import io.warroom.timeline.Verification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

@Service
class TimelineService implements Timeline {

    private final TimelineRepository repository;
    private final EntryHasher hasher;
    private final MarkdownExport markdown;
    private final ObjectMapper json;

    TimelineService(TimelineRepository repository, EntryHasher hasher, MarkdownExport markdown, ObjectMapper json) {
        this.repository = repository;
        this.hasher = hasher;
        this.markdown = markdown;
        this.json = json;
    }

    @Override
    public List<TimelineEntry> entries(String stream) {
        return repository.entries(stream);
    }

    @Override
    public List<String> streams() {
        return repository.streams();
    }

    @Override
    public Verification verify(String stream) {
        List<TimelineEntry> entries = repository.entries(stream);
        String previous = EntryHasher.GENESIS;
        long expected = 1;
        for (TimelineEntry e : entries) {
            if (e.position() != expected) {
                return Verification.broken(stream, entries.size(), expected, "entry " + expected + " is missing");
            }
            if (!e.previousHash().equals(previous)) {
                return Verification.broken(stream, entries.size(), e.position(), "link to the previous entry does not match");
            }
            String recomputed = hasher.hash(previous, stream, e.position(), e.occurredAt(), e.actor(), e.kind(),
                    e.summary(), e.details());
            if (!recomputed.equals(e.hash())) {
                return Verification.broken(stream, entries.size(), e.position(), "content does not match its hash");
            }
            previous = e.hash();
            expected++;
        }
        var head = repository.head(stream);
        if (head.position() != expected - 1 || !head.hash().equals(previous)) {
            return Verification.broken(stream, entries.size(), expected, "entries after " + (expected - 1) + " were removed");
        }
        return Verification.intact(stream, entries.size());
    }

    @Override
    public String exportJson(String stream) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("stream", stream);
        doc.put("verification", verify(stream));
        doc.put("entries", repository.entries(stream).stream().map(this::asMap).toList());
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> asMap(TimelineEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("position", e.position());
        m.put("occurredAt", e.occurredAt().toString());
        m.put("actor", e.actor());
        m.put("kind", e.kind());
        m.put("summary", e.summary());
        try {
            m.put("details", json.readTree(e.details()));
        } catch (JsonProcessingException ex) {
            m.put("details", e.details());
        }
        m.put("previousHash", e.previousHash());
        m.put("hash", e.hash());
        return m;
    }

    @Override
    public String exportMarkdown(String stream) {
        return markdown.render(stream, repository.entries(stream), verify(stream));
    }
}
