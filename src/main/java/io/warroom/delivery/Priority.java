package io.warroom.delivery;

/** Which lane an outbound operation waits in. Higher lanes are sent first across threads. */
public enum Priority {
    ROUTINE(0), NORMAL(5), URGENT(10);

    private final int weight;

    Priority(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }
}
