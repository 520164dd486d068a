package io.warroom.slack.internal;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.shared.Rejections;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's servlet with the checks in front that Bolt leaves out: the signature and the replay window
 * (both ways) are verified on the raw bytes before any parsing, and unsigned, forged, stale, oversized
 * or unparsable requests are answered 401/400 and counted in {@code warroom.inbound.rejected}. Bolt's
 * own {@code RequestVerification} middleware still runs afterwards.
 */
class SlackEndpointServlet extends SlackAppServlet {

    static final int MAX_BODY = 1 << 20;
    private static final Logger log = LoggerFactory.getLogger(SlackEndpointServlet.class);

    private final transient App app;
    private final transient SlackAppServletAdapter adapter;
    private final transient SlackRequestVerifier verifier;
    private final transient MeterRegistry meters;

    SlackEndpointServlet(App app, SlackRequestVerifier verifier, MeterRegistry meters) {
        super(app);
        this.app = app;
        this.adapter = new SlackAppServletAdapter(app.config());
        this.verifier = verifier;
        this.meters = meters;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = readBounded(req.getInputStream());
        if (body == null) {
            reject(resp, 400, "too-large");
            return;
        }
        SlackRequestVerifier.Rejection rejection = verifier.check(
                req.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
                req.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE), body);
        if (rejection != null) {
            reject(resp, 401, rejection.tag);
            return;
        }
        Request<?> slackRequest;
        try {
            slackRequest = adapter.buildSlackRequest(new CachedBody(req, body));
        } catch (RuntimeException e) {
            slackRequest = null;
        }
        if (slackRequest == null) {
            reject(resp, 400, "malformed");
            return;
        }
        try {
            Response slackResponse = app.run(slackRequest);
            adapter.writeResponse(resp, slackResponse);
        } catch (Exception e) {
            if (busy(e)) {
                reject(resp, 503, "busy");
                return;
            }
            if (malformed(e)) {
                // Signed, but its JSON is not what Slack sends (a field of the wrong type): a retry will not help.
                reject(resp, 400, "malformed");
                return;
            }
            log.error("Slack request failed: {}", e.toString(), e);
            resp.setStatus(500);
            resp.setContentType("application/json");
            resp.getWriter().write("{\"error\":\"internal error\"}");
        }
    }

    static boolean busy(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SlackBusy) {
                return true;
            }
        }
        return false;
    }

    /** The body could not be decoded: a decoding exception, or any failure thrown from inside Bolt's JSON decoders. */
    private static boolean malformed(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof com.google.gson.JsonParseException || t instanceof MalformedRequest || thrownByDecoder(t)
                    || refusedByChatModel(t)) {
                return true;
            }
        }
        return false;
    }

    /** The platform-neutral model ({@code Actor}, {@code Conversation}) refuses a request without a user or channel. */
    private static boolean refusedByChatModel(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        return t instanceof IllegalArgumentException && frames.length > 0 && frames[0].getClassName().startsWith("io.warroom.chat.");
    }

    private static boolean thrownByDecoder(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            String c = frame.getClassName();
            if (c.startsWith("io.warroom.")) {
                return false;
            }
            if (c.startsWith("com.google.gson.") || c.startsWith("com.slack.api.util.json.")) {
                return true;
            }
        }
        return false;
    }

    private void reject(HttpServletResponse resp, int status, String reason) throws IOException {
        Rejections.answer(resp, meters, "slack", status, reason,
                status == 401 ? "invalid request" : status == 503 ? "busy, send it again" : "bad request");
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        return bytes.length > MAX_BODY ? null : bytes;
    }

    /** Gives Bolt the body this servlet has already read. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }
}
