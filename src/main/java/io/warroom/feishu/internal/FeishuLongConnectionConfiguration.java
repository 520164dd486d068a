package io.warroom.feishu.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.chat.InboundConnection;
import io.warroom.chat.Platform;
import io.warroom.feishu.FeishuProperties;
import io.warroom.shared.ConditionalOnInboundMode;
import io.warroom.shared.InboundMode;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The long connection's beans, only in {@code long-connection} mode; health component {@code feishuConnection}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnInboundMode(prefix = "warroom.feishu", configuredBy = "app-id", value = InboundMode.SOCKET)
class FeishuLongConnectionConfiguration {

    @Bean
    InboundConnection feishuConnection(MeterRegistry meters, Clock clock) {
        return new InboundConnection(Platform.FEISHU, meters, clock);
    }

    @Bean
    FeishuLongConnection feishuLongConnection(FeishuProperties properties, FeishuEvents events,
                                              @Qualifier("feishuConnection") InboundConnection status, ObjectMapper json) {
        return new FeishuLongConnection(properties, events, status, json);
    }
}
