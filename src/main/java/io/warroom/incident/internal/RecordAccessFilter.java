package io.warroom.incident.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.shared.Loopback;
import io.warroom.shared.Rejections;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /incidents/*}: a record names people, commands and causes, so it is not for everyone the
 * server is reachable from (Slack and Feishu must reach it). With {@code warroom.incident.record-token} set,
 * every client must send {@code Authorization: Bearer <token>}; without it, only loopback clients that address
 * the server by a loopback name may read (the console's rule).
 */
class RecordAccessFilter extends OncePerRequestFilter {

    private final IncidentProperties properties;
    private final MeterRegistry meters;

    RecordAccessFilter(IncidentProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (properties.recordToken() != null) {
            if (!tokenMatches(request.getHeader("Authorization"))) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"Warroom incident records\"");
                Rejections.answer(response, meters, "incident-record", HttpServletResponse.SC_UNAUTHORIZED, "token",
                        "incident records need a bearer token");
                return;
            }
        } else if (!Loopback.isLocalRequest(request.getRemoteAddr(), request.getHeader("Host"))) {
            Rejections.answer(response, meters, "incident-record", HttpServletResponse.SC_FORBIDDEN, "not-loopback",
                    "incident records are served to this machine only unless a record token is configured");
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }

    private boolean tokenMatches(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, properties.recordToken().getBytes(StandardCharsets.UTF_8));
    }
}
