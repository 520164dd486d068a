package io.warroom.probe.internal;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import io.warroom.shared.Loopback;
import io.warroom.shared.Rejections;
import org.springframework.web.filter.OncePerRequestFilter;

/** The sandbox HTTP services exist only when the sandbox is active, and only for loopback clients. */
class SandboxAccessFilter extends OncePerRequestFilter {

    private final HttpProperties properties;
    private final MeterRegistry meters;

    SandboxAccessFilter(HttpProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!properties.sandboxActive()) {
            reject(response, HttpServletResponse.SC_NOT_FOUND, "disabled");
            return;
        }
        if (!Loopback.isLoopback(request.getRemoteAddr())) {
            reject(response, HttpServletResponse.SC_FORBIDDEN, "not-loopback");
            return;
        }
        chain.doFilter(request, response);
    }

    private void reject(HttpServletResponse response, int status, String reason) throws IOException {
        Rejections.answer(response, meters, "sandbox-http", status, reason, "sandbox access denied");
    }

}
