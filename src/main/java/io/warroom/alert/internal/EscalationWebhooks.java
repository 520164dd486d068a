package io.warroom.alert.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.alert.internal.routing.Routing;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import io.warroom.schedule.Tasks;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The escalation step's call to a team's SMS or voice provider: a JSON POST with the alert and the
 * people (with their phone numbers), bearer token from the routing file. Its own durable task, so a
 * provider that is down is retried without holding up (or repeating) the chat mentions; the task key is
 * sent as {@code Idempotency-Key}, since a retry after a lost answer can call twice.
 */
@Component
class EscalationWebhooks implements TaskHandler {

    static final String KIND = "alert.webhook";
    private static final Logger log = LoggerFactory.getLogger(EscalationWebhooks.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final Tasks tasks;
    private final AlertRepository repository;
    private final Routing routing;
    private final Directory directory;
    private final ObjectMapper json;
    private final OkHttpClient http = new OkHttpClient.Builder().connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(10, TimeUnit.SECONDS).followRedirects(false).build();

    EscalationWebhooks(Tasks tasks, AlertRepository repository, Routing routing, Directory directory, ObjectMapper json) {
        this.tasks = tasks;
        this.repository = repository;
        this.routing = routing;
        this.directory = directory;
        this.json = json;
    }

    void request(AlertGroup g, String webhook, int round, int step, List<Person> people, Instant now) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("group", Long.toString(g.id()));
        data.put("webhook", webhook);
        data.put("round", Integer.toString(round));
        data.put("step", Integer.toString(step));
        data.put("people", String.join(",", people.stream().map(Person::id).toList()));
        tasks.schedule(KIND + ":" + g.id() + ":" + g.episode() + ":" + round + ":" + step + ":" + webhook, KIND, now, data);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Task task) {
        var hook = routing.webhook(task.get("webhook")).orElse(null);
        AlertGroup g = repository.find(Long.parseLong(task.get("group"))).orElse(null);
        if (hook == null || g == null) {
            log.warn("Escalation webhook task {} refers to a webhook or group that no longer exists; skipped", task.key());
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", task.key());
        body.put("group", Map.of("id", g.publicId(), "title", g.title(), "severity", g.severity(),
                "status", g.firing() ? "firing" : "resolved", "firing", g.firingCount(), "labels", g.labels(),
                "summary", g.commonAnnotations().getOrDefault("summary", ""), "since", g.episodeStarted().toString()));
        body.put("round", Integer.parseInt(task.get("round")) + 1);
        body.put("step", Integer.parseInt(task.get("step")));
        body.put("people", task.get("people").isEmpty() ? List.of() : List.of(task.get("people").split(",")).stream()
                .map(directory::person).flatMap(java.util.Optional::stream).map(EscalationWebhooks::contact).toList());
        Request.Builder request = new Request.Builder().url(hook.url().toString())
                .header("Idempotency-Key", task.key()).post(RequestBody.create(write(body), JSON));
        String token = hook.token().get();
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        try (var response = http.newCall(request.build()).execute()) {
            if (!response.isSuccessful()) {
                throw new IllegalStateException("webhook " + hook.name() + " answered HTTP " + response.code());
            }
        } catch (IOException e) {
            throw new IllegalStateException("webhook " + hook.name() + " unreachable: " + e.getClass().getSimpleName());
        }
    }

    private static Map<String, Object> contact(Person p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("phone", p.phone() == null ? "" : p.phone());
        m.put("email", p.email() == null ? "" : p.email());
        return m;
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
