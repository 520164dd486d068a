package io.warroom.alert.internal;

import io.warroom.alert.AlertGroupSummary;
import io.warroom.alert.Alerts;
import io.warroom.alert.internal.routing.Routing;
import io.warroom.chat.Conversation;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

@Service
public class AlertQueries implements Alerts {

    private final AlertRepository repository;
    private final Routing routing;

    AlertQueries(AlertRepository repository, Routing routing) {
        this.repository = repository;
        this.routing = routing;
    }

    @Override
    public List<Conversation> channels(String id) {
        return parseId(id).flatMap(repository::find).map(g -> routing.byId(g.routeId()).to()).orElse(List.of());
    }

    @Override
    public Optional<AlertGroupSummary> group(String id) {
        return parseId(id).flatMap(repository::find).map(AlertGroup::summary);
    }

    @Override
    public List<AlertGroupSummary> firing() {
        return repository.firing().stream().sorted(MOST_SEVERE_FIRST).map(AlertGroup::summary).toList();
    }

    @Override
    public List<AlertGroupSummary> silencesEnding(Instant from, Instant to) {
        return repository.silencesEnding(from, to).stream().map(AlertGroup::summary).toList();
    }

    static final Comparator<AlertGroup> MOST_SEVERE_FIRST = Comparator
            .comparingInt((AlertGroup g) -> -AlertGroup.Severity.rank(g.severity()))
            .thenComparing(AlertGroup::episodeStarted);

    /** {@code A42}, {@code a42} or {@code 42}. */
    public static Optional<Long> parseId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String digits = id.strip();
        if (digits.startsWith("A") || digits.startsWith("a")) {
            digits = digits.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}
