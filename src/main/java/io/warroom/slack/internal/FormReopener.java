package io.warroom.slack.internal;

import com.slack.api.methods.MethodsClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The "Open form" button of a form that could not open as a modal: its click brings a fresh trigger, so
 * the stored modal opens now. Only for the user the form was meant for.
 */
@Component
@OnSlack
class FormReopener {

    private static final Logger log = LoggerFactory.getLogger(FormReopener.class);

    private final SlackStore store;
    private final MethodsClient slack;

    FormReopener(SlackStore store, MethodsClient slack) {
        this.store = store;
        this.slack = slack;
    }

    void reopen(String userId, String formId, String trigger) {
        if (formId == null || trigger == null) {
            return;
        }
        store.form(formId, userId).ifPresentOrElse(view -> {
            try {
                SlackCalls.call("views.open", () -> slack.viewsOpen(r -> r.triggerId(trigger).viewAsString(view)));
            } catch (RuntimeException e) {
                log.warn("Could not open stored form {} for {}: {}", formId, userId, e.getMessage());
            }
        }, () -> log.info("No stored form {} for Slack user {}", formId, userId));
    }
}
