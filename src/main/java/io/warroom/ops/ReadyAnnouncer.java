package io.warroom.ops;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where to go once Warroom is up: the console URL is the first thing a new user needs. */
@Component
class ReadyAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncer.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
            int port = web.getWebServer().getPort();
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            boolean console = env.getProperty("warroom.console.enabled", Boolean.class, true);
            log.info("Warroom ready in {} ms{}", uptime,
                    console ? " — console: http://localhost:" + port + "/console" : "");
        }
    }
}
