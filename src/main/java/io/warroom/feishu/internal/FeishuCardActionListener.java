package io.warroom.feishu.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.chat.ActionOutcome;
import io.warroom.chat.ActionRouter;
import io.warroom.chat.Actor;
import io.warroom.chat.ChatLocales;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.InboundDeliveries;
import io.warroom.chat.Platform;
import io.warroom.chat.Texts;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code card.action.trigger}: a button click or form submission becomes an {@link InboundAction}, routed
 * synchronously (Feishu waits at most 3 s) and answered with a toast. The delivery is recorded in the same
 * transaction as the handler's work, so a handler that fails leaves Feishu's retry a chance.
 */
@Component
@ConditionalOnFeishu
class FeishuCardActionListener {

    private static final Logger log = LoggerFactory.getLogger(FeishuCardActionListener.class);

    private final ActionRouter router;
    private final InboundDeliveries deliveries;
    private final TransactionTemplate transactions;
    private final ChatLocales locales;
    private final Texts texts;
    private final FeishuCardRenderer renderer;

    FeishuCardActionListener(ActionRouter router, InboundDeliveries deliveries, TransactionTemplate transactions,
                             ChatLocales locales, Texts texts, FeishuCardRenderer renderer) {
        this.renderer = renderer;
        this.router = router;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.locales = locales;
        this.texts = texts;
    }

    /** @throws FeishuRejected when the callback lacks who clicked, where, or on which message */
    InboundAction read(JsonNode event) {
        String openId = text(event.path("operator"), "open_id");
        String chatId = text(event.path("context"), "open_chat_id");
        String messageId = text(event.path("context"), "open_message_id");
        if (openId == null || chatId == null || messageId == null || !event.path("action").isObject()) {
            throw FeishuRejected.malformed();
        }
        JsonNode action = event.path("action");
        JsonNode value = action.path("value");
        // A form's submit button carries the form id in its name (action.name); a button its callback value.
        String formId = FeishuNames.formIdOf(text(action, "name"));
        String actionId = formId != null ? formId : value.isObject() ? text(value, FeishuCardRenderer.ACTION_ID) : null;
        if (actionId == null) {
            return null;
        }
        Map<String, String> form = new LinkedHashMap<>();
        action.path("form_value").fields().forEachRemaining(e -> {
            String v = formValue(e.getValue());
            if (v != null) {
                form.put(FeishuNames.inputNameOf(e.getKey()), v);
            }
        });
        // Results of the click go into the thread of the card clicked.
        return new InboundAction(new Conversation(Platform.FEISHU, chatId, messageId),
                new Actor(Platform.FEISHU, openId, null), actionId,
                formId != null ? "" : value.path(FeishuCardRenderer.VALUE).asText(""), form, messageId,
                text(event, "token"));
    }

    /** Handles the click once per {@code eventId} and returns Feishu's answer. */
    ObjectNode handle(String eventId, InboundAction action, Runnable onDuplicate) {
        Locale locale = action == null ? locales.platforms().getOrDefault(Platform.FEISHU, locales.defaultLocale())
                : locales.of(action.conversation());
        if (action == null) {
            return toast("error", texts.get(locale, "feishu.action.unknown"));
        }
        ActionOutcome outcome;
        try {
            outcome = transactions.execute(status -> deliveries.firstTime("feishu", eventId) ? router.route(action) : null);
        } catch (ActionRouter.UnknownActionException e) {
            return toast("error", texts.get(locale, "feishu.action.unknown"));
        } catch (RuntimeException e) {
            log.error("Feishu card action {} by {} failed", action.actionId(), action.actor().userId(), e);
            return toast("error", texts.get(locale, "feishu.action.failed"));
        }
        if (outcome == null) {
            onDuplicate.run();
            return toast("info", texts.get(locale, "feishu.action.duplicate"));
        }
        // Rendered after the commit: whatever happens to the answer card, the click's work stands.
        return answer(outcome, locale);
    }

    /**
     * The toast, plus the clicked card as it looks now when the handler has one ({@code card.type = raw}, a
     * card JSON 2.0 card like every other). A card too large to render is left out: the update also goes
     * through the outbox, which reports it.
     */
    private ObjectNode answer(ActionOutcome outcome, Locale locale) {
        ObjectNode answer = toastFor(outcome, locale);
        if (outcome.card() != null) {
            try {
                answer.putObject("card").put("type", "raw").set("data", renderer.card(outcome.card(), locale));
            } catch (io.warroom.chat.ChatDeliveryException e) {
                answer.remove("card");
                log.warn("Feishu callback answered without its card: {}", e.getMessage());
            }
        }
        return answer;
    }

    private ObjectNode toastFor(ActionOutcome outcome, Locale locale) {
        return switch (outcome.kind()) {
            case DONE -> toast("success", orDefault(outcome.message(), locale, "feishu.action.done"));
            case REFUSED -> toast("error", orDefault(outcome.message(), locale, "feishu.action.refused"));
            case INVALID -> {
                StringJoiner fields = new StringJoiner("; ");
                new TreeMap<>(outcome.fieldErrors()).forEach((name, error) -> fields.add(name + ": " + error));
                String detail = outcome.message() == null ? "" : outcome.message() + " ";
                yield toast("error", detail + texts.get(locale, "feishu.action.invalid", fields.toString()));
            }
        };
    }

    private String orDefault(String message, Locale locale, String key) {
        return message == null || message.isBlank() ? texts.get(locale, key) : message;
    }

    static ObjectNode toast(String type, String content) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.putObject("toast").put("type", type).put("content", content);
        return answer;
    }

    /** As {@link InboundAction} documents: a checker's true/false reads "true"/"", a multi-select's list "a,b". */
    private static String formValue(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "true" : "";
        }
        if (v.isArray()) {
            StringJoiner joined = new StringJoiner(",");
            v.forEach(item -> joined.add(item.asText()));
            return joined.toString();
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String text(JsonNode node, String field) {
        String s = node.path(field).asText("");
        return s.isBlank() ? null : s;
    }
}
