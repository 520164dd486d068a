package io.warroom.chat.internal;

import io.warroom.chat.InboundDeliveries;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
class JdbcInboundDeliveries implements InboundDeliveries {

    /** Platforms stop retrying within hours; a week is ample. */
    private static final Duration KEEP = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcInboundDeliveries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean firstTime(String source, String deliveryId) {
        if (deliveryId == null || deliveryId.isBlank()) {
            throw new IllegalArgumentException("a delivery id is required to deduplicate");
        }
        return jdbc.sql("insert into inbound_delivery (source, delivery_id, received_at) values (?, ?, ?) "
                        + "on conflict do nothing")
                .params(source, key(deliveryId), clock.instant().atOffset(ZoneOffset.UTC)).update() == 1;
    }

    @Override
    public void forget(String source, String deliveryId) {
        jdbc.sql("delete from inbound_delivery where source = ? and delivery_id = ?").params(source, key(deliveryId)).update();
    }

    private static String key(String deliveryId) {
        return deliveryId.length() > 300 ? deliveryId.substring(0, 300) : deliveryId;
    }

    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
    void forgetOld() {
        jdbc.sql("delete from inbound_delivery where received_at < ?")
                .param(clock.instant().minus(KEEP).atOffset(ZoneOffset.UTC)).update();
    }
}
