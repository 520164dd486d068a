package io.warroom.alert.internal;

import io.warroom.alert.AlertActionRefused;
import io.warroom.alert.internal.thread.AlertActions;
import io.warroom.approval.AccessQuery;
import io.warroom.approval.Approvals;
import io.warroom.chat.ActionHandler;
import io.warroom.chat.ActionOutcome;
import io.warroom.chat.ChatLocales;
import io.warroom.chat.InboundAction;
import io.warroom.chat.Texts;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Clicks on alert roots and digests. A button carries only the group's id: who clicked is resolved to a
 * person and checked against the {@code respond} policy on every click (runbook commands go through the
 * command pipeline and their own policy instead); every refusal is on the group's timeline.
 */
@Component
class AlertButtons implements ActionHandler {

    private final AlertResponses responses;
    private final AlertRepository repository;
    private final Directory directory;
    private final Approvals approvals;
    private final ChatLocales locales;
    private final Texts texts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    AlertButtons(AlertResponses responses, AlertRepository repository, Directory directory, Approvals approvals,
                 ChatLocales locales, Texts texts, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.responses = responses;
        this.repository = repository;
        this.directory = directory;
        this.approvals = approvals;
        this.locales = locales;
        this.texts = texts;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public String prefix() {
        return AlertActions.PREFIX;
    }

    @Override
    public ActionOutcome handle(InboundAction click) {
        Locale l = locales.of(click.conversation());
        boolean submit = click.actionId().startsWith(AlertActions.SILENCE_SUBMIT);
        String groupRef = submit ? click.actionId().substring(AlertActions.SILENCE_SUBMIT.length()) : click.value().split(":", 2)[0];
        AlertGroup g = AlertQueries.parseId(groupRef).flatMap(repository::find).orElse(null);
        if (g == null) {
            return ActionOutcome.refused(texts.get(l, "alert.refused.missing"));
        }
        Person person = directory.resolve(click.actor()).orElse(null);
        String verb = submit ? "silence" : click.actionId().substring(AlertActions.PREFIX.length());
        if (person == null) {
            return refuse(g, click, verb, texts.get(l, "alert.refused.unknown-person"));
        }
        if (!click.actionId().equals(AlertActions.RUN) && !click.actionId().equals(AlertActions.OPEN)) {
            var decision = approvals.check(new AccessQuery(person, click.conversation(), "alert." + verbForPolicy(verb),
                    "respond", null, null));
            if (!decision.allowed()) {
                return refuse(g, click, verb, texts.get(l, "alert.refused.not-allowed", decision.reason()));
            }
        }
        try {
            return switch (submit ? AlertActions.SILENCE_SUBMIT : click.actionId()) {
                case AlertActions.ACK -> responses.acknowledge(g, person, click, l);
                case AlertActions.UNACK -> responses.unacknowledge(g, person, click, l);
                case AlertActions.RESOLVE -> responses.markResolved(g, person, click, l);
                case AlertActions.SILENCE -> responses.silence(g, person, click, click.value().split(":", 2)[1], null, l);
                case AlertActions.SILENCE_FORM -> responses.openSilenceForm(g, person, click, l);
                case AlertActions.SILENCE_SUBMIT -> responses.submitSilenceForm(g, person, click, l);
                case AlertActions.EXPIRE -> responses.expire(g, person, click, l);
                case AlertActions.RUN -> responses.runCommand(g, click, l);
                case AlertActions.OPEN -> responses.open(g, click, l);
                default -> ActionOutcome.refused(texts.get(l, "alert.refused.missing"));
            };
        } catch (AlertResponses.Refusal e) {
            return refuse(g, click, verb, e.getMessage());
        } catch (AlertmanagerClient.Unavailable e) {
            return refuse(g, click, verb, texts.get(l, "alert.refused.alertmanager", e.getMessage()));
        } catch (ArrayIndexOutOfBoundsException e) {
            return refuse(g, click, verb, texts.get(l, "alert.refused.missing"));
        }
    }

    /** Silencing from a form and from a button is one permission; the expire button is part of it. */
    private static String verbForPolicy(String verb) {
        return switch (verb) {
            case "silence-form", "expire" -> "silence";
            case "unack" -> "ack";
            default -> verb;
        };
    }

    private ActionOutcome refuse(AlertGroup g, InboundAction click, String action, String reason) {
        String actor = directory.resolve(click.actor()).map(Person::id)
                .orElse(click.actor().platform().id() + ":" + click.actor().userId());
        tx.executeWithoutResult(s -> events.publishEvent(new AlertActionRefused(g.stream(), clock.instant(), actor,
                g.publicId(), action, reason)));
        return ActionOutcome.refused(reason);
    }
}
