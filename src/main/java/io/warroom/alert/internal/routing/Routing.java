package io.warroom.alert.internal.routing;

import io.warroom.alert.LabelMatcher;
import io.warroom.alert.internal.AlertsProperties;
import io.warroom.chat.Conversation;
import io.warroom.chat.Platform;
import io.warroom.directory.Directory;
import io.warroom.shared.ConfigurationProblem;
import io.warroom.shared.Durations;
import io.warroom.shared.YamlFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The validated routing file: which route a group takes, its acknowledgement deadline and escalation
 * chain. Every mistake stops start-up with the file and what to fix.
 */
@Component
public class Routing {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Routing.class);

    static final String DEFAULT = "default";
    private static final Duration FALLBACK_DEADLINE = Duration.ofMinutes(15);

    private final List<Route> routes;
    private final Route defaultRoute;
    private final Map<String, Duration> deadlines;
    private final Map<String, Escalation> escalations;
    private final Map<String, String> escalationBySeverity;
    private final Map<String, Escalation.Webhook> webhooks;

    public Routing(AlertsProperties properties, Directory directory) {
        Resource file = new DefaultResourceLoader().getResource(properties.routing());
        if (!file.exists()) {
            throw new ConfigurationProblem("Alert routing " + properties.routing() + " does not exist (warroom.alerts.routing)");
        }
        RoutingFile f = YamlFiles.read(file, RoutingFile.class, "Alert routing");
        String name = YamlFiles.name(file);
        try {
            if (f == null) {
                throw new IllegalArgumentException("the file is empty");
            }
            this.webhooks = webhooks(f.webhooks());
            Set<String> roles = knownRoles(directory);
            this.escalations = chains(f.escalations(), webhooks, roles);
            this.deadlines = deadlines(f.deadlines(), "deadlines");
            this.escalationBySeverity = Map.copyOf(f.escalationBySeverity() == null ? Map.of() : f.escalationBySeverity());
            escalationBySeverity.forEach((sev, chain) -> require(escalations.containsKey(chain),
                    "escalationBySeverity." + sev + " names chain '" + chain + "', which escalations does not define"));
            List<Route> list = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (var r : f.routes() == null ? List.<RoutingFile.RouteSpec>of() : f.routes()) {
                Route route = route(r, false);
                require(ids.add(route.id()), "route '" + route.id() + "' is defined twice");
                list.add(route);
            }
            this.routes = List.copyOf(list);
            require(f.defaultRoute() != null, "'default' (the route for groups no route matches) is required");
            this.defaultRoute = route(f.defaultRoute(), true);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationProblem("Alert routing " + name + ": " + e.getMessage());
        }
    }

    /** The first route whose labels match, else the default route. */
    public Route route(Map<String, String> labels) {
        return routes.stream().filter(r -> r.matches(labels)).findFirst().orElse(defaultRoute);
    }

    public Route byId(String id) {
        return routes.stream().filter(r -> r.id().equals(id)).findFirst().orElse(defaultRoute);
    }

    /** How long a group of this severity may wait for an acknowledgement on this route. */
    public Duration deadline(Route route, String severity) {
        String sev = severity == null ? DEFAULT : severity.toLowerCase(Locale.ROOT);
        Duration d = route.deadlines().get(sev);
        if (d == null) {
            d = deadlines.get(sev);
        }
        if (d == null) {
            d = route.deadlines().getOrDefault(DEFAULT, deadlines.getOrDefault(DEFAULT, FALLBACK_DEADLINE));
        }
        return d;
    }

    /** The chain a group of this severity escalates along on this route (empty steps: it never escalates). */
    public Escalation escalation(Route route, String severity) {
        String id = route.escalation() != null ? route.escalation()
                : escalationBySeverity.getOrDefault(severity == null ? "" : severity.toLowerCase(Locale.ROOT), DEFAULT);
        return escalations.getOrDefault(id, new Escalation(DEFAULT, List.of(), 0));
    }

    public java.util.Optional<Escalation.Webhook> webhook(String name) {
        return java.util.Optional.ofNullable(webhooks.get(name));
    }

    private Route route(RoutingFile.RouteSpec r, boolean isDefault) {
        String id = isDefault ? DEFAULT : r.id();
        require(id != null && id.matches("[a-z0-9][a-z0-9-]{0,60}"), "route id '" + id + "' must be lowercase letters, digits or '-'");
        require(isDefault || (r.match() != null && !r.match().isEmpty()) || (r.matchRe() != null && !r.matchRe().isEmpty()),
                "route '" + id + "' needs match or matchRe (the default route takes the rest)");
        require(!isDefault || (r.match() == null && r.matchRe() == null), "the default route takes no match");
        require(r.to() != null && !r.to().isEmpty(), "route '" + id + "' needs at least one destination in 'to'");
        List<Conversation> to = new ArrayList<>();
        for (String d : r.to()) {
            to.add(destination(d, id));
        }
        LabelMatcher labels;
        try {
            labels = LabelMatcher.of(r.match(), r.matchRe(), null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("route '" + id + "': " + e.getMessage());
        }
        require(r.escalation() == null || escalations.containsKey(r.escalation()),
                "route '" + id + "' names escalation '" + r.escalation() + "', which escalations does not define");
        return new Route(id, labels, List.copyOf(to),
                deadlines(r.deadlines(), "route '" + id + "' deadlines"), r.escalation());
    }

    private static Conversation destination(String d, String route) {
        int colon = d == null ? -1 : d.indexOf(':');
        require(colon > 0 && colon < d.length() - 1, "route '" + route + "': destination '" + d
                + "' must look like console:oncall, slack:C0123ABCD or feishu:oc_abc");
        Platform platform;
        try {
            platform = Platform.fromId(d.substring(0, colon));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("route '" + route + "': unknown platform in '" + d + "' (console, slack or feishu)");
        }
        return Conversation.of(platform, d.substring(colon + 1));
    }

    private static Map<String, Duration> deadlines(Map<String, String> spec, String where) {
        Map<String, Duration> out = new HashMap<>();
        if (spec != null) {
            spec.forEach((sev, d) -> {
                Duration parsed = Durations.require(d, where + "." + sev);
                require(!parsed.isNegative() && !parsed.isZero(), where + "." + sev + " must be positive");
                out.put(sev.toLowerCase(Locale.ROOT), parsed);
            });
        }
        return Map.copyOf(out);
    }

    private static Map<String, Escalation> chains(Map<String, RoutingFile.ChainSpec> spec,
                                                  Map<String, Escalation.Webhook> webhooks, Set<String> roles) {
        Map<String, Escalation> out = new HashMap<>();
        if (spec == null) {
            return Map.of();
        }
        spec.forEach((id, c) -> {
            require(c != null && c.steps() != null && !c.steps().isEmpty(), "escalation '" + id + "' has no steps");
            int repeat = c.repeat() == null ? 0 : c.repeat();
            require(repeat >= 0 && repeat <= 10, "escalation '" + id + "': repeat must be 0 to 10");
            List<Escalation.Step> steps = new ArrayList<>();
            for (int i = 0; i < c.steps().size(); i++) {
                var s = c.steps().get(i);
                String where = "escalation '" + id + "' step " + (i + 1);
                List<String> notify = s.roles() == null ? List.of() : List.copyOf(s.roles());
                require(!notify.isEmpty() || s.webhook() != null, where + " needs notify or webhook");
                // A role nobody has is allowed (the shipped chain names the runbook's roles; a team may lack a
                // CTO): the step then says so in the thread. Said at start-up too, in case it is a typo.
                notify.stream().filter(r -> !roles.contains(r)).forEach(r -> log.warn(
                        "Alert routing: {} notifies role '{}', which no rotation and nobody in the roster has", where, r));
                require(s.webhook() == null || webhooks.containsKey(s.webhook()), where + " names webhook '" + s.webhook()
                        + "', which webhooks does not define");
                Duration after = s.after() == null ? Duration.ZERO : Durations.require(s.after(), where + " after");
                require(i == 0 || after.compareTo(Duration.ofSeconds(1)) >= 0, where + ": after must be at least 1s");
                steps.add(new Escalation.Step(notify, after, s.webhook() == null ? null : webhooks.get(s.webhook())));
            }
            out.put(id, new Escalation(id, List.copyOf(steps), repeat));
        });
        return Map.copyOf(out);
    }

    private static Map<String, Escalation.Webhook> webhooks(Map<String, RoutingFile.WebhookSpec> spec) {
        Map<String, Escalation.Webhook> out = new HashMap<>();
        if (spec == null) {
            return out;
        }
        spec.forEach((name, w) -> {
            require(w != null && w.url() != null, "webhook '" + name + "' needs a url");
            URI url;
            try {
                url = URI.create(w.url());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("webhook '" + name + "': url is not a URL");
            }
            require(("https".equals(url.getScheme()) || "http".equals(url.getScheme())) && url.getHost() != null
                    && url.getUserInfo() == null, "webhook '" + name + "': url must be http(s) without credentials");
            require(w.token() == null || w.tokenFile() == null, "webhook '" + name + "': give token or tokenFile, not both");
            Supplier<String> token = tokenOf(name, w);
            token.get();
            out.put(name, new Escalation.Webhook(name, url, token));
        });
        return out;
    }

    private static Supplier<String> tokenOf(String name, RoutingFile.WebhookSpec w) {
        if (w.tokenFile() != null) {
            Path path = Path.of(w.tokenFile());
            return () -> {
                try {
                    return Files.readString(path).strip();
                } catch (IOException e) {
                    throw new IllegalArgumentException("webhook '" + name + "': tokenFile " + path + " cannot be read");
                }
            };
        }
        String token = w.token();
        return () -> token;
    }

    private static Set<String> knownRoles(Directory directory) {
        Set<String> roles = new HashSet<>(directory.rotationRoles());
        directory.people().forEach(p -> roles.addAll(p.roles()));
        return roles;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
