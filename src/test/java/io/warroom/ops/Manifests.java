package io.warroom.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** What {@code helm template} rendered, parsed: one node per Kubernetes object. */
record Manifests(List<JsonNode> objects) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Manifests parse(String rendered) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(rendered)) {
            for (JsonNode node : (Iterable<JsonNode>) () -> {
                try {
                    return YAML.readValues(parser, JsonNode.class);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }) {
                if (node != null && node.has("kind")) {
                    objects.add(node);
                }
            }
        }
        return new Manifests(List.copyOf(objects));
    }

    List<JsonNode> all(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    JsonNode one(String kind) {
        List<JsonNode> found = all(kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + ", found " + found.size());
        }
        return found.get(0);
    }

    List<String> kinds() {
        return objects.stream().map(o -> o.path("kind").asText()).toList();
    }

    /** The pod templates of every workload (Deployment, StatefulSet, Job, ...). */
    List<JsonNode> podSpecs() {
        return objects.stream().map(o -> o.at("/spec/template/spec")).filter(JsonNode::isObject).toList();
    }

    /** The Deployment's only container. */
    JsonNode container() {
        return one("Deployment").at("/spec/template/spec/containers/0");
    }

    /** The value of a plain environment variable of the Deployment's container, or null. */
    String env(String name) {
        return StreamSupport.stream(container().path("env").spliterator(), false)
                .filter(e -> e.path("name").asText().equals(name)).findFirst()
                .map(e -> e.has("value") ? e.path("value").asText() : "<from " + e.at("/valueFrom/secretKeyRef/name").asText() + ">")
                .orElse(null);
    }
}
