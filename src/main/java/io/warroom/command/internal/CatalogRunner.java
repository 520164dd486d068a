package io.warroom.command.internal;

import io.warroom.action.ActionException;
import io.warroom.action.ActionExecutors;
import io.warroom.action.ActionResult;
import io.warroom.action.ActionSpec;
import io.warroom.action.RunAs;
import io.warroom.approval.AccessQuery;
import io.warroom.approval.ApprovalException;
import io.warroom.approval.ApprovalSubmission;
import io.warroom.approval.Approvals;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutputTrimmer;
import io.warroom.chat.OutboundMessage.Tone;
import io.warroom.chat.Texts;
import io.warroom.command.CommandContext;
import io.warroom.command.CommandReply;
import io.warroom.command.internal.catalog.Catalog;
import org.springframework.stereotype.Component;

/**
 * Runs a catalog command: read commands at once with the bot's identity, changes as an approval request.
 * Access is the policy's to decide; failures come back as a message, never half-done work.
 */
@Component
class CatalogRunner {

    private final Approvals approvals;
    private final ActionExecutors executors;
    private final Texts texts;

    CatalogRunner(Approvals approvals, ActionExecutors executors, Texts texts) {
        this.approvals = approvals;
        this.executors = executors;
        this.texts = texts;
    }

    /** @return the reply, or null when the approval card is the answer */
    CommandReply run(CommandContext ctx, Catalog.Invocation invocation) {
        var command = invocation.command();
        ActionSpec action = command.toAction(invocation.params());
        String text = ctx.command().text();
        try {
            if (!command.readOnly()) {
                approvals.request(new ApprovalSubmission(command.id(), text, command.riskId(), command.policy(), action,
                        ctx.person(), ctx.command().conversation(), ctx.locale()));
                return null;
            }
            var decision = approvals.check(new AccessQuery(ctx.person(), ctx.command().conversation(), command.id(),
                    command.riskId(), command.policy(), action.namespace()));
            if (!decision.allowed()) {
                return error(texts.get(ctx.locale(), "approval.not-allowed", command.phrase(), decision.reason()));
            }
            ActionResult result = executors.get(action.executor()).execute(action, RunAs.bot());
            return CommandReply.inChannel(render(ctx, text, action, result));
        } catch (ApprovalException e) {
            return error(e.getMessage());
        } catch (ActionException e) {
            return error(texts.get(ctx.locale(), "catalog.failed", text, e.text()));
        }
    }

    private OutboundMessage render(CommandContext ctx, String text, ActionSpec action, ActionResult result) {
        var locale = ctx.locale();
        var m = OutboundMessage.builder().tone(Tone.INFO).header("/warroom " + text).text(texts.get(locale, result.summary()));
        result.lines().forEach(l -> m.field(texts.get(locale, l.label()), texts.get(locale, l.value())));
        if (!result.body().isEmpty()) {
            // Logs are read from the end; tables and lists from the top.
            m.code(OutputTrimmer.trim(result.body(), action.operation().equals("logs"), ctx.locale(), texts));
        }
        if (result.sandbox()) {
            m.field(texts.get(ctx.locale(), "approval.sandbox"), texts.get(ctx.locale(), "approval.sandbox.note"));
        }
        return m.build();
    }

    private static CommandReply error(String message) {
        return CommandReply.ephemeral(OutboundMessage.builder().tone(Tone.DANGER).text(message).build());
    }
}
