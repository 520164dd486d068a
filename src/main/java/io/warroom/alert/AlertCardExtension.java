package io.warroom.alert;

import io.warroom.chat.OutboundMessage;
import java.util.List;
import java.util.Locale;

/**
 * Lets another module add buttons to an alert group's root message (the incident module's "Declare
 * incident"). The buttons' action ids belong to that module, which handles the clicks.
 */
public interface AlertCardExtension {

    List<OutboundMessage.Button> buttons(AlertGroupSummary group, Locale locale);
}
