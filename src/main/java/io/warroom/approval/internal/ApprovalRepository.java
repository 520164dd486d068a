package io.warroom.approval.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.action.ActionSpec;
import io.warroom.action.RunAs;
import io.warroom.chat.Conversation;
import io.warroom.chat.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Approval requests and votes. Every state change is a conditional update on the current state, so a
 * decision is taken once however many clicks, retries and replicas race for it.
 */
@Repository
class ApprovalRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ApprovalRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(ApprovalRecord r) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into approval_request (public_id, command_id, command_text, risk, policy_id, requester, executor,
                    operation, cluster, namespace, target, parameters, digest, run_as_user, run_as_groups, preview,
                    platform, channel, thread, locale, approvals_needed, state, created_at, expires_at)
                values (:publicId, :commandId, :text, :risk, :policy, :requester, :executor, :operation, :cluster,
                    :namespace, :target, :parameters, :digest, :runAsUser, :runAsGroups, :preview, :platform, :channel,
                    :thread, :locale, :needed, 'PENDING', :createdAt, :expiresAt)""")
                .param("publicId", r.publicId()).param("commandId", r.commandId()).param("text", r.commandText())
                .param("risk", r.risk()).param("policy", r.policyId()).param("requester", r.requester())
                .param("executor", r.action().executor()).param("operation", r.action().operation())
                .param("cluster", r.action().cluster()).param("namespace", r.action().namespace())
                .param("target", r.action().target()).param("parameters", write(r.action().parameters()))
                .param("digest", r.digest()).param("runAsUser", r.runAs().user())
                .param("runAsGroups", String.join(",", r.runAs().groups())).param("preview", r.previewJson())
                .param("platform", r.conversation().platform().id()).param("channel", r.conversation().channel())
                .param("thread", r.conversation().thread()).param("locale", r.locale().toLanguageTag())
                .param("needed", r.approvalsNeeded()).param("createdAt", ts(r.createdAt()))
                .param("expiresAt", ts(r.expiresAt()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<ApprovalRecord> byPublicId(String publicId) {
        return jdbc.sql("select * from approval_request where public_id = ?").param(publicId).query(this::map).optional();
    }

    /** Locks the request for the rest of the transaction, so votes on it are counted one at a time. */
    Optional<ApprovalRecord> lock(String publicId) {
        return jdbc.sql("select * from approval_request where public_id = ? for update").param(publicId)
                .query(this::map).optional();
    }

    /** @return false if this person had already voted */
    boolean vote(long requestId, String personId, Platform platform, Instant at) {
        return jdbc.sql("insert into approval_vote (request_id, person_id, platform, voted_at) values (?, ?, ?, ?) "
                        + "on conflict do nothing")
                .params(requestId, personId, platform.id(), ts(at)).update() == 1;
    }

    List<String> voters(long requestId) {
        return jdbc.sql("select person_id from approval_vote where request_id = ? order by voted_at, person_id")
                .param(requestId).query(String.class).list();
    }

    /**
     * Moves a request out of PENDING if it still is, and has not expired (for anything but expiry).
     * @return true for the one caller that made the change
     */
    boolean decide(long id, ApprovalRecord.State to, String by, Instant now) {
        String notExpired = to == ApprovalRecord.State.EXPIRED ? "expires_at <= :now" : "expires_at > :now";
        return jdbc.sql("update approval_request set state = :to, decided_at = :now, decided_by = :by "
                        + "where id = :id and state = 'PENDING' and " + notExpired)
                .param("to", to.name()).param("now", ts(now)).param("by", by).param("id", id).update() == 1;
    }

    /** Records the end of an execution; only an EXECUTING request can finish. */
    boolean finish(long id, ApprovalRecord.State to, String result) {
        String r = result == null || result.length() <= 2000 ? result : result.substring(0, 1997) + "...";
        return jdbc.sql("update approval_request set state = ?, result = ? where id = ? and state = 'EXECUTING'")
                .params(to.name(), r, id).update() == 1;
    }

    /** Adds what happened after execution (the rollout's end) to the recorded result. */
    void appendResult(long id, String more) {
        jdbc.sql("select result from approval_request where id = ?").param(id).query(String.class).optional()
                .ifPresent(current -> {
                    String r = (current == null || current.isBlank() ? "" : current + " · ") + more;
                    jdbc.sql("update approval_request set result = ? where id = ?")
                            .params(r.length() <= 2000 ? r : r.substring(0, 1997) + "...", id).update();
                });
    }

    /** Requests that were approved in [from, to) and ran or started to, oldest first. */
    List<ApprovalRecord> approvedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                select * from approval_request where state in ('EXECUTING', 'EXECUTED', 'FAILED')
                  and decided_at >= ? and decided_at < ? order by decided_at, id""")
                .params(ts(from), ts(to)).query(this::map).list();
    }

    List<String> expiredPending(Instant now, int limit) {
        return jdbc.sql("select public_id from approval_request where state = 'PENDING' and expires_at <= ? "
                        + "order by expires_at limit ?")
                .params(ts(now), limit).query(String.class).list();
    }

    private ApprovalRecord map(ResultSet rs, int n) throws SQLException {
        Map<String, String> params = read(rs.getString("parameters"));
        var action = new ActionSpec(rs.getString("executor"), rs.getString("operation"), rs.getString("cluster"),
                rs.getString("namespace"), rs.getString("target"), params);
        String groups = rs.getString("run_as_groups");
        var runAs = new RunAs(rs.getString("run_as_user"),
                groups == null || groups.isBlank() ? List.of() : Arrays.asList(groups.split(",")));
        var conversation = new Conversation(Platform.fromId(rs.getString("platform")), rs.getString("channel"),
                rs.getString("thread"));
        return new ApprovalRecord(rs.getLong("id"), rs.getString("public_id"), rs.getString("command_id"),
                rs.getString("command_text"), rs.getString("risk"), rs.getString("policy_id"),
                rs.getString("requester"), action, rs.getString("digest"), runAs, rs.getString("preview"),
                conversation, Locale.forLanguageTag(rs.getString("locale")), rs.getInt("approvals_needed"),
                ApprovalRecord.State.valueOf(rs.getString("state")), instant(rs, "created_at"),
                instant(rs, "expires_at"), instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("result"));
    }

    private String write(Map<String, String> m) {
        try {
            return json.writeValueAsString(new java.util.TreeMap<>(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String s) {
        try {
            return json.readValue(s, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored action parameters are unreadable", e);
        }
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime ts(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
