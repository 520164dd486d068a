package io.warroom.slack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.socket_mode.SocketModeClient;
import io.warroom.chat.InboundConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each Socket Mode envelope to the same Bolt {@link App} (and so the same listeners) as
 * {@code /slack/events}, and acknowledges it with the listener's answer, as Slack expects within 3 s. The
 * listeners store before they answer, so an acknowledged envelope is never lost; an envelope the app could
 * not handle is not acknowledged, and Slack delivers it again (on this or another connection), where the
 * listeners' dedupe keys make the repeat harmless.
 */
class SlackEnvelopes {

    private static final Logger log = LoggerFactory.getLogger(SlackEnvelopes.class);

    private final App app;
    private final SocketModeRequestParser parser;
    private final InboundConnection status;
    private final ObjectMapper json = new ObjectMapper();

    SlackEnvelopes(App app, InboundConnection status) {
        this.app = app;
        this.parser = new SocketModeRequestParser(app.config());
        this.status = status;
    }

    /** @return the message's type ({@code hello}, {@code slash_commands}, …) */
    String handle(SocketModeClient client, String message) {
        String type = "unknown";
        try {
            JsonNode tree = json.readTree(message);
            type = tree.path("type").asText("unknown");
            if (type.equals("hello")) {
                status.connected();
                return type;
            }
            SocketModeRequest request = parser.parse(message);
            if (request == null) {
                status.message(type, "ignored");
                return type;
            }
            String envelopeId = request.getEnvelope().getEnvelopeId();
            Response response = app.run(request.getBoltRequest());
            if (response.getStatusCode() != 200) {
                // Left unacknowledged on purpose: Slack will deliver it again.
                log.warn("Slack {} envelope not acknowledged: the app answered {}", type, response.getStatusCode());
                status.message(type, "unhandled");
                return type;
            }
            client.sendSocketModeResponse(json.writeValueAsString(ack(envelopeId, response)));
            status.message(type, "acked");
        } catch (Exception e) {
            if (SlackEndpointServlet.busy(e)) {
                // Left unacknowledged: Slack delivers it again, by when this replica may have room.
                log.info("Slack {} envelope not acknowledged: the command queue is full", type);
                status.message(type, "busy");
                return type;
            }
            log.error("Slack {} envelope failed: {}", type, e.toString(), e);
            status.message(type, "failed");
        }
        return type;
    }

    /** {@code {"envelope_id": …, "payload": …}}: the payload is the listener's JSON answer, or its text. */
    private ObjectNode ack(String envelopeId, Response response) throws java.io.IOException {
        ObjectNode ack = json.createObjectNode().put("envelope_id", envelopeId);
        String body = response.getBody();
        if (body != null && !body.isEmpty()) {
            String contentType = response.getContentType();
            if (contentType != null && contentType.startsWith("application/json")) {
                ack.set("payload", json.readTree(body));
            } else {
                ack.putObject("payload").put("text", body);
            }
        }
        return ack;
    }
}
