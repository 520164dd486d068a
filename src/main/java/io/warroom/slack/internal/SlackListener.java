package io.warroom.slack.internal;

import com.slack.api.bolt.App;

/** One kind of inbound Slack interaction; registers its handler on the Bolt app. */
interface SlackListener {

    void register(App app);
}
