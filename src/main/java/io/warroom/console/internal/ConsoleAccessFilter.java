package io.warroom.console.internal;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import io.warroom.shared.Loopback;
import io.warroom.shared.Rejections;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the console: by default only loopback clients that also address the server by a loopback name
 * (which defeats DNS rebinding from a web page). When exposed, HTTP Basic with the configured login.
 */
class ConsoleAccessFilter extends OncePerRequestFilter {

    private final ConsoleProperties properties;
    private final MeterRegistry meters;

    ConsoleAccessFilter(ConsoleProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!properties.enabled()) {
            reject(response, HttpServletResponse.SC_NOT_FOUND, "disabled");
            return;
        }
        if (properties.expose()) {
            if (!loginMatches(request.getHeader("Authorization"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Warroom console\", charset=\"UTF-8\"");
                reject(response, HttpServletResponse.SC_UNAUTHORIZED, "login");
                return;
            }
        } else if (!Loopback.isLocalRequest(request.getRemoteAddr(), request.getHeader("Host"))) {
            reject(response, HttpServletResponse.SC_FORBIDDEN, "not-loopback");
            return;
        }
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }

    private void reject(HttpServletResponse response, int status, String reason) throws IOException {
        Rejections.answer(response, meters, "console", status, reason, "console access denied");
    }

    private boolean loginMatches(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String expected = properties.username() + ":" + properties.password();
        return MessageDigest.isEqual(decoded.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
