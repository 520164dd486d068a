package io.warroom.ops;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says where to go once Warroom is up: the console URL is the first thing a new user needs. The line also
 * gives the start-up's time and the CPU time it took (bench/startup.sh reads both; on a shared machine the
 * CPU time is the steadier figure).
 */
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
            log.info("Warroom ready in {} ms ({} ms of CPU){}", uptime, cpuMillis(),
                    console ? " — console: http://localhost:" + port + "/console" : "");
        }
    }

    /** CPU time of all the process's threads so far (JIT and GC included), or -1 where the JVM cannot say. */
    private static long cpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1_000_000;
        }
        return -1;
    }
}
