package io.warroom.alert.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.warroom.shared.Rejections;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /alerts/alertmanager}: Alertmanager's webhook. Credentials are checked before the body is
 * read; a body that is not Alertmanager's gets 400 with one line, an oversized one 413, and nothing is
 * stored for either. Alertmanager never retries a 4xx, so a valid notification that cannot be stored
 * right now (too many at once, database unavailable) gets 503 and is retried by Alertmanager.
 */
@RestController
class AlertmanagerWebhookController {

    static final String ENDPOINT = "alertmanager";
    private static final Logger log = LoggerFactory.getLogger(AlertmanagerWebhookController.class);

    private final SourceAuthenticator authenticator;
    private final AlertIntake intake;
    private final AlertsProperties properties;
    private final MeterRegistry meters;
    private final Semaphore slots;

    AlertmanagerWebhookController(SourceAuthenticator authenticator, AlertIntake intake, AlertsProperties properties,
                                  MeterRegistry meters) {
        this.authenticator = authenticator;
        this.intake = intake;
        this.properties = properties;
        this.meters = meters;
        this.slots = new Semaphore(properties.maxConcurrent());
    }

    @PostMapping("/alerts/alertmanager")
    void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var source = authenticator.authenticate(request.getHeader("Authorization"));
        if (source.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"warroom\"");
            Rejections.answer(response, meters, ENDPOINT, 401, "credentials", "unauthorized");
            return;
        }
        long max = properties.maxBody().toBytes();
        if (request.getContentLengthLong() > max) {
            Rejections.answer(response, meters, ENDPOINT, 413, "too-large", "body larger than " + max + " bytes");
            return;
        }
        byte[] body = read(request.getInputStream(), max);
        if (body == null) {
            Rejections.answer(response, meters, ENDPOINT, 413, "too-large", "body larger than " + max + " bytes");
            return;
        }
        Notification notification;
        try {
            notification = PayloadDecoder.decode(source.get().name(), body);
        } catch (PayloadDecoder.BadPayload e) {
            Rejections.answer(response, meters, ENDPOINT, 400, "malformed", json(e.getMessage()));
            return;
        }
        boolean acquired = false;
        try {
            acquired = slots.tryAcquire(properties.busyWait().toMillis(), TimeUnit.MILLISECONDS);
            if (!acquired) {
                busy(response, "busy");
                return;
            }
            Timer.Sample sample = Timer.start(meters);
            AlertIntake.Result result = intake.receive(notification);
            sample.stop(meters.timer("warroom.alerts.intake", "source", notification.source()));
            meters.counter("warroom.alerts.received", "source", notification.source()).increment(notification.alerts().size());
            response.setStatus(200);
            response.setContentType("application/json");
            response.getWriter().write("{\"status\":\"ok\",\"group\":\"" + result.groupId() + "\",\"applied\":"
                    + result.applied() + ",\"repeated\":" + result.repeated() + ",\"stale\":" + result.stale() + "}");
        } catch (DataAccessException | TransactionException e) {
            log.warn("Alert notification from {} not stored, answered 503 so Alertmanager retries: {}",
                    notification.source(), e.getMostSpecificCause().toString());
            busy(response, "database");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            busy(response, "busy");
        } finally {
            if (acquired) {
                slots.release();
            }
        }
    }

    private void busy(HttpServletResponse response, String reason) throws IOException {
        response.setHeader("Retry-After", "5");
        Rejections.answer(response, meters, ENDPOINT, 503, reason, "not stored now, retry");
    }

    /** The body, or null when it is longer than {@code max} (whatever Content-Length said). */
    private static byte[] read(InputStream in, long max) throws IOException {
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        return data.length > max ? null : data;
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ");
    }
}
