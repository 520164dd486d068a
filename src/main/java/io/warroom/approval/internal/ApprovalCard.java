package io.warroom.approval.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Style;
import io.warroom.chat.OutboundMessage.Tone;
import io.warroom.chat.Texts;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import io.warroom.shared.Text;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The approval card in each state. The approver sees exactly what will run (the action line, current
 * state, the change, the dry run, the identity it runs as, the digest); buttons carry only the request id.
 */
@Component
class ApprovalCard {

    static final String APPROVE = "approval.approve";
    static final String REJECT = "approval.reject";
    static final String CANCEL = "approval.cancel";

    private final Texts texts;
    private final Directory directory;
    private final ChatTimes times;

    ApprovalCard(Texts texts, Directory directory, ChatTimes times) {
        this.texts = texts;
        this.directory = directory;
        this.times = times;
    }

    OutboundMessage render(ApprovalRecord r, ShownPreview preview, List<String> voters, boolean requesterMayCancel) {
        Locale l = r.locale();
        var state = r.state();
        String phrase = r.commandText();
        var m = OutboundMessage.builder()
                .header(texts.get(l, "approval.header." + state.name().toLowerCase(Locale.ROOT), phrase))
                .tone(tone(r))
                .text(texts.get(l, "approval.asks", name(r.requester()), "/warroom " + r.commandText()));
        m.field(texts.get(l, "approval.action"), r.action().describe());
        for (var line : preview.current()) {
            m.field(line.label(), line.value());
        }
        for (var line : preview.change()) {
            m.field(line.label(), line.value());
        }
        if (preview.dryRun() != null) {
            m.field(texts.get(l, "approval.dry-run"), preview.dryRun());
        }
        m.field(texts.get(l, "approval.runs-as"), r.runAs().impersonating()
                ? r.runAs().user() + (r.runAs().groups().isEmpty() ? "" : " (" + String.join(", ", r.runAs().groups()) + ")")
                : texts.get(l, "approval.runs-as.bot"));
        m.field(texts.get(l, "approval.policy"), r.policyId());
        m.field(texts.get(l, "approval.approvals"), voters.isEmpty()
                ? texts.get(l, "approval.votes", voters.size(), r.approvalsNeeded())
                : texts.get(l, "approval.votes-by", voters.size(), r.approvalsNeeded(), Text.list(voters.stream().map(this::name).toList())));
        switch (state) {
            case PENDING -> m.field(texts.get(l, "approval.expires"), times.format(r.expiresAt()));
            case REJECTED, CANCELLED -> m.field(texts.get(l, "approval.decided-by"),
                    name(r.decidedBy()) + " · " + times.format(r.decidedAt()));
            case EXPIRED -> m.field(texts.get(l, "approval.expired-at"), times.format(r.expiresAt()));
            case EXECUTING, EXECUTED, FAILED -> m.field(texts.get(l, "approval.approved-at"), times.format(r.decidedAt()));
        }
        if (r.result() != null) {
            m.field(texts.get(l, "approval.result"), r.result());
        }
        m.field(texts.get(l, "approval.digest"), r.digest().substring(0, 12));
        if (preview.sandbox()) {
            m.field(texts.get(l, "approval.sandbox"), texts.get(l, "approval.sandbox.note"));
        }
        if (state.open()) {
            m.button(APPROVE, texts.get(l, "approval.button.approve"), r.publicId(), Style.PRIMARY);
            m.button(REJECT, texts.get(l, "approval.button.reject"), r.publicId(), Style.DANGER);
            if (requesterMayCancel) {
                m.button(CANCEL, texts.get(l, "approval.button.cancel"), r.publicId(), Style.DEFAULT);
            }
        }
        return m.build();
    }

    private static Tone tone(ApprovalRecord r) {
        return switch (r.state()) {
            case PENDING -> "dangerous".equals(r.risk()) ? Tone.DANGER : Tone.WARNING;
            case EXECUTING -> Tone.INFO;
            case EXECUTED -> Tone.SUCCESS;
            case FAILED -> Tone.DANGER;
            case REJECTED, CANCELLED, EXPIRED -> Tone.NEUTRAL;
        };
    }

    String name(String personId) {
        if (personId == null) {
            return "—";
        }
        return directory.person(personId).map(Person::name).orElse(personId);
    }

}
