package io.warroom.approval.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.action.ActionExecutors;
import io.warroom.action.Preview;
import io.warroom.approval.AccessDecision;
import io.warroom.approval.AccessQuery;
import io.warroom.approval.ApprovalException;
import io.warroom.approval.ApprovalRequested;
import io.warroom.approval.ApprovalSubmission;
import io.warroom.approval.Approvals;
import io.warroom.chat.Texts;
import io.warroom.directory.Directory;
import io.warroom.shared.ConfigurationProblem;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ApprovalService implements Approvals {

    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private final Policies policies;
    private final Directory directory;
    private final ActionExecutors executors;
    private final ApprovalRepository repository;
    private final CardUpdates cards;
    private final ApplicationEventPublisher events;
    private final Texts texts;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApprovalService(Policies policies, Directory directory, ActionExecutors executors, ApprovalRepository repository,
                    CardUpdates cards, ApplicationEventPublisher events, Texts texts, ObjectMapper json, Clock clock) {
        this.policies = policies;
        this.directory = directory;
        this.executors = executors;
        this.repository = repository;
        this.cards = cards;
        this.events = events;
        this.texts = texts;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public AccessDecision check(AccessQuery q) {
        var policy = policies.forCommand(q.commandId(), q.risk(), q.policyId()).orElse(null);
        if (policy == null) {
            return AccessDecision.deny(null, "no policy covers it");
        }
        Instant now = clock.instant();
        if (!policy.requesters().includes(q.person(), directory, now)) {
            return AccessDecision.deny(policy.id(), "policy " + policy.id() + " lets only " + policy.requesters().describe() + " use it");
        }
        if (!policy.allowsChannel(q.conversation())) {
            return AccessDecision.deny(policy.id(), "policy " + policy.id() + " does not allow this channel");
        }
        if (!policy.allowsNamespace(q.namespace())) {
            return AccessDecision.deny(policy.id(), "policy " + policy.id() + " does not allow namespace " + q.namespace());
        }
        return AccessDecision.allow(policy.id());
    }

    @Override
    // A refusal leaves nothing behind, so it must not doom the caller's transaction (which still answers).
    @Transactional(noRollbackFor = {ApprovalException.class, io.warroom.action.ActionException.class})
    public String request(ApprovalSubmission s) {
        Locale l = s.locale();
        var decision = check(new AccessQuery(s.requester(), s.conversation(), s.commandId(), s.risk(), s.policyId(),
                s.action().namespace()));
        if (!decision.allowed()) {
            throw new ApprovalException(texts.get(l, "approval.not-allowed", s.commandText(), decision.reason()));
        }
        Policy policy = policies.byId(decision.policyId()).orElseThrow();
        if (!policy.needsApproval()) {
            throw new ApprovalException(texts.get(l, "approval.no-policy", s.commandText(), s.risk()));
        }
        // The preview is what the approver will judge; if the target cannot be read, nothing is requested.
        Preview preview = executors.get(s.action().executor()).preview(s.action(), policy.runAs());
        Instant now = clock.instant();
        var record = new ApprovalRecord(0, newPublicId(), s.commandId(), s.commandText(), s.risk(), policy.id(),
                s.requester().id(), s.action(), s.action().digest(), policy.runAs(), write(preview), s.conversation(),
                l, policy.approvals(), ApprovalRecord.State.PENDING, now, now.plus(policy.ttl()), null, null, null);
        repository.insert(record);
        events.publishEvent(new ApprovalRequested(record.stream(), now, s.requester().id(), record.publicId(),
                s.action().describe(), record.digest(), policy.id(), record.expiresAt()));
        cards.post(record, preview, policy.requesterMayCancel());
        return record.publicId();
    }

    @Override
    public List<io.warroom.approval.ExecutedAction> executedBetween(Instant from, Instant to) {
        return repository.approvedBetween(from, to).stream().map(r -> new io.warroom.approval.ExecutedAction(r.publicId(),
                r.commandText(), r.action().describe(), r.requester(), repository.voters(r.id()), r.state().name(),
                r.result(), r.decidedAt())).toList();
    }

    @Override
    public void validatePolicyReference(String commandId, String risk, String policyId) {
        if (policyId != null && policies.byId(policyId).isEmpty()) {
            throw new ConfigurationProblem("Command " + commandId + " names policy '" + policyId + "', which does not exist");
        }
        if (policies.forCommand(commandId, risk, policyId).isEmpty()) {
            throw new ConfigurationProblem("No approval policy covers command " + commandId + " (risk " + risk + ")"
                    + (policyId == null ? "" : ": policy '" + policyId + "' does not cover that risk"));
        }
    }

    private String newPublicId() {
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    private String write(Preview p) {
        try {
            return json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Policy> policies() {
        return policies.all();
    }
}
