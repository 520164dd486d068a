package io.warroom.handoff.internal;

import io.warroom.chat.ActionHandler;
import io.warroom.chat.ActionOutcome;
import io.warroom.chat.ChatLocales;
import io.warroom.chat.InboundAction;
import io.warroom.chat.Texts;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clicks and forms of handoffs (action-id prefix {@code handoff.}): the form's submission
 * ({@code handoff.submit:<id>}), Edit, Acknowledge, Ask a question and the question's form
 * ({@code handoff.question:<id>}). Buttons carry only the handoff's public id; who may do what is decided
 * here, at the click, from the stored handoff and the policies.
 */
@Component
class HandoffActions implements ActionHandler {

    static final String QUESTION = "handoff.question:";

    private final HandoffSubmissions submissions;
    private final HandoffAcknowledgements acknowledgements;
    private final HandoffRepository repository;
    private final Directory directory;
    private final ChatLocales locales;
    private final Texts texts;

    HandoffActions(HandoffSubmissions submissions, HandoffAcknowledgements acknowledgements, HandoffRepository repository,
                   Directory directory, ChatLocales locales, Texts texts) {
        this.submissions = submissions;
        this.acknowledgements = acknowledgements;
        this.repository = repository;
        this.directory = directory;
        this.locales = locales;
        this.texts = texts;
    }

    @Override
    public String prefix() {
        return "handoff.";
    }

    @Override
    @Transactional
    public ActionOutcome handle(InboundAction action) {
        Locale l = locales.of(action.conversation());
        Person person = directory.resolve(action.actor()).orElse(null);
        if (person == null) {
            return ActionOutcome.refused(texts.get(l, "handoff.unknown-person"));
        }
        String id = action.actionId();
        String publicId = id.startsWith(HandoffForm.SUBMIT) ? id.substring(HandoffForm.SUBMIT.length())
                : id.startsWith(QUESTION) ? id.substring(QUESTION.length()) : action.value();
        // Locked: a submission, an edit and an acknowledgement of one handoff never interleave.
        Handoff h = repository.lock(publicId).orElse(null);
        if (h == null) {
            return ActionOutcome.refused(texts.get(l, "handoff.gone"));
        }
        if (id.startsWith(HandoffForm.SUBMIT)) {
            return submissions.submit(action, person, h, l);
        }
        if (id.startsWith(QUESTION)) {
            return acknowledgements.question(action, person, h, l);
        }
        return switch (id) {
            case HandoffCard.EDIT -> submissions.edit(action, person, h, l);
            case HandoffCard.ACK -> acknowledgements.acknowledge(action, person, h, l);
            case HandoffCard.ASK -> acknowledgements.ask(action, person, h, l);
            default -> ActionOutcome.refused(texts.get(l, "handoff.gone"));
        };
    }
}
