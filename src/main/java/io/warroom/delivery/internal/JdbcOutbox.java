package io.warroom.delivery.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Delivery.Operation;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.OutboxMirror;
import org.springframework.beans.factory.ObjectProvider;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcOutbox implements Outbox {

    private final OutboxRepository repository;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<OutboxMirror> mirrors;

    JdbcOutbox(OutboxRepository repository, ObjectMapper json, ApplicationEventPublisher events, Clock clock,
               ObjectProvider<OutboxMirror> mirrors) {
        this.repository = repository;
        this.json = json;
        this.events = events;
        this.clock = clock;
        this.mirrors = mirrors;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public long enqueue(Delivery d) {
        long id = enqueueOne(d);
        boolean mirrorable = (d.operation() == Operation.POST && d.visibleTo() == null) || d.operation() == Operation.UPDATE;
        if (mirrorable) {
            mirrors.orderedStream().flatMap(m -> m.mirrorsOf(d).stream())
                    .filter(c -> !c.channelOnly().equals(d.conversation().channelOnly()))
                    .distinct()
                    // An update follows only a copy that was posted (the mirror may have been added later).
                    .filter(c -> d.operation() == Operation.POST || repository.orderingKeyOfMessage(c.platform().id(),
                            c.channel(), d.messageKey()).isPresent())
                    .forEach(c -> enqueueOne(d.in(c)));
        }
        return id;
    }

    private long enqueueOne(Delivery d) {
        String platform = d.conversation().platform().id();
        String channel = d.conversation().channel();
        String payload = serialise(new Payload(d.message(), d.members(), d.groupName(), d.trigger()));
        if (d.operation() == Operation.UPDATE) {
            var coalesced = repository.coalesce(platform, channel, d.messageKey(), payload, d.priority().weight());
            if (coalesced.isPresent()) {
                return coalesced.get();
            }
        }
        String orderingKey = orderingKey(d);
        long id = repository.insert(new OutboxRow(0, d.conversation().platform(), channel, d.operation(),
                d.messageKey(), d.conversation().thread(), d.threadKey(), d.visibleTo(), orderingKey,
                d.priority().weight(), payload, 0, null, null), clock.instant());
        events.publishEvent(new OutboxEnqueued(id, d.conversation().platform(), d.priority().weight()));
        return id;
    }

    /**
     * Operations in one thread are sent in order; different threads are independent, so the priority lane
     * can overtake. A message's updates and replies share the ordering key of its original post.
     */
    private String orderingKey(Delivery d) {
        String platform = d.conversation().platform().id();
        String channel = d.conversation().channel();
        if (d.operation() == Operation.CREATE_GROUP) {
            return platform + "|create:" + d.messageKey();
        }
        if (d.operation() == Operation.UPDATE || d.operation() == Operation.PIN) {
            var original = repository.orderingKeyOfMessage(platform, channel, d.messageKey());
            if (original.isPresent()) {
                return original.get();
            }
        }
        String root;
        if (d.conversation().thread() != null) {
            root = "thread:" + d.conversation().thread();
        } else if (d.threadKey() != null) {
            root = "key:" + d.threadKey();
        } else if (d.messageKey() != null && d.visibleTo() == null) {
            root = "key:" + d.messageKey();
        } else {
            root = "op:" + UUID.randomUUID();
        }
        return platform + "|" + channel + "|" + root;
    }

    private String serialise(Payload p) {
        try {
            return json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Message cannot be serialised: " + e.getOriginalMessage(), e);
        }
    }
}
