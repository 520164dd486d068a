package io.warroom.slack.internal;

import com.slack.api.methods.MethodsClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The "Open form" button of a form that could not open as a modal: its click brings a fresh trigger, so
 * the stored modal opens now. Only for the user the form was meant for. The call to Slack runs after the
 * click was acknowledged (the trigger lasts about 3 s, the acknowledgement must come within 3 s); it changes
 * nothing in Warroom, so a lost one is only a second click.
 */
@Component
@OnSlack
class FormReopener implements org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FormReopener.class);

    private final SlackStore store;
    private final MethodsClient slack;

    private final java.util.concurrent.ExecutorService opener = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "warroom-slack-form");
        t.setDaemon(true);
        return t;
    });

    FormReopener(SlackStore store, MethodsClient slack) {
        this.store = store;
        this.slack = slack;
    }

    void reopenSoon(String userId, String formId, String trigger) {
        try {
            opener.execute(() -> reopen(userId, formId, trigger));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.info("Not opening form {}: shutting down", formId);
        }
    }

    @Override
    public void destroy() {
        opener.shutdownNow();
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
