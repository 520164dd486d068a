package io.warroom.slack.internal;

import com.slack.api.methods.MethodsClient;
import org.springframework.stereotype.Component;

/** The bot's own Slack user id (from {@code auth.test}), asked once when first needed. */
@Component
@OnSlack
class BotIdentity {

    private final MethodsClient slack;
    private volatile String userId;

    BotIdentity(MethodsClient slack) {
        this.slack = slack;
    }

    String userId() {
        String id = userId;
        if (id == null) {
            id = SlackCalls.call("auth.test", () -> slack.authTest(r -> r)).getUserId();
            userId = id;
        }
        return id;
    }
}
