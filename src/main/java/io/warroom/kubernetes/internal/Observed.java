package io.warroom.kubernetes.internal;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.shared.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of a deployment an approver was shown, as {@code ActionSpec.expected()} entries: its uid and
 * generation (what the change is conditional on), and replicas, images and revision (to say in words what
 * moved when it no longer matches).
 */
final class Observed {

    static final String UID = "uid";
    static final String GENERATION = "generation";
    static final String REPLICAS = "replicas";
    static final String IMAGES = "images";
    static final String REVISION = "revision";

    private Observed() {
    }

    static Map<String, String> of(Deployment d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(UID, String.valueOf(d.getMetadata().getUid()));
        m.put(GENERATION, String.valueOf(Deployments.generation(d)));
        m.put(REPLICAS, String.valueOf(Deployments.desired(d)));
        m.put(IMAGES, Deployments.images(Deployments.containers(d)));
        m.put(REVISION, String.valueOf(Deployments.revision(d)));
        return m;
    }

    /** Refuses, saying what moved, unless {@code d} is still the object and the spec generation that was shown. */
    static void require(Deployment d, Map<String, String> expected) {
        List<Object> moved = differences(d, expected);
        if (!moved.isEmpty()) {
            throw changed(d.getMetadata().getName(), d.getMetadata().getNamespace(), moved);
        }
    }

    static ActionException changed(String name, String namespace, List<Object> what) {
        return new ActionException(Reason.CHANGED, "kubernetes.changed", name, namespace, Text.list(what));
    }

    private static List<Object> differences(Deployment d, Map<String, String> expected) {
        Map<String, String> now = of(d);
        List<Object> moved = new ArrayList<>();
        if (!Objects.equals(now.get(UID), expected.get(UID))) {
            moved.add(Text.of("kubernetes.changed.recreated"));
            return moved;
        }
        if (Objects.equals(now.get(GENERATION), expected.get(GENERATION))) {
            return moved;
        }
        for (String key : new String[] {REPLICAS, IMAGES, REVISION}) {
            if (expected.containsKey(key) && !Objects.equals(now.get(key), expected.get(key))) {
                moved.add(Text.of("kubernetes.changed." + key, expected.get(key), now.get(key)));
            }
        }
        if (moved.isEmpty()) {
            moved.add(Text.of("kubernetes.changed.generation", expected.get(GENERATION), now.get(GENERATION)));
        }
        return moved;
    }
}
