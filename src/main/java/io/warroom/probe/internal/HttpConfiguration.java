package io.warroom.probe.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OkHttp client (no redirects, no retries of admin calls), the executor and the sandbox's guard. */
@Configuration
@EnableConfigurationProperties(HttpProperties.class)
class HttpConfiguration {

    private final AtomicInteger localPort = new AtomicInteger();

    @Bean
    ApplicationListener<WebServerInitializedEvent> httpSandboxPort() {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() == null) {
                localPort.set(event.getWebServer().getPort());
            }
        };
    }

    /** Not a bean: other modules keep their own OkHttp clients and settings. */
    static OkHttpClient client() {
        return new OkHttpClient.Builder()
                .followRedirects(false).followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(5, TimeUnit.SECONDS)
                .build();
    }

    @Bean
    HttpTargets httpTargets(HttpProperties properties) {
        return new HttpTargets(properties, localPort::get);
    }

    @Bean
    HttpExecutor httpExecutor(HttpTargets targets, ObjectMapper json) {
        return new HttpExecutor(targets, client(), json);
    }

    @Bean
    SandboxHttpState sandboxHttpState() {
        return new SandboxHttpState();
    }

    @Bean
    FilterRegistrationBean<SandboxAccessFilter> sandboxAccessFilter(HttpProperties properties, MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(new SandboxAccessFilter(properties, meters));
        registration.addUrlPatterns("/sandbox/*");
        registration.setOrder(0);
        return registration;
    }
}
