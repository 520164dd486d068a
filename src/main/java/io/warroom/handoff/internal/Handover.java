package io.warroom.handoff.internal;

import io.warroom.directory.Person;
import java.time.Instant;

/** The on-call engineer changes at {@code at}: {@code outgoing} hands over to {@code incoming}. */
record Handover(Instant at, Person outgoing, String outgoingRole, Person incoming, String incomingRole) {

    /** Names the one occurrence: a roster change that alters who hands over makes it another handover. */
    String key() {
        return at + ":" + outgoing.id() + ":" + incoming.id();
    }
}
