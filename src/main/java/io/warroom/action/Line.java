package io.warroom.action;

/** A labelled value shown in a card (current replicas, image, revision, pod status ...). */
public record Line(String label, String value) {
}
