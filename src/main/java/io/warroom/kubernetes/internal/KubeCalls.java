package io.warroom.kubernetes.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.RunAs;
import io.warroom.shared.Text;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs API calls as the given identity (impersonation per request) and turns client failures into
 * {@link ActionException}s fit for chat. Messages name the identity but never carry credentials.
 */
final class KubeCalls {

    private final Supplier<KubernetesClient> clients;

    /** {@code clients} may wait: the sandbox's client is handed out only once it is seeded. */
    KubeCalls(Supplier<KubernetesClient> clients) {
        this.clients = clients;
    }

    /**
     * A read: the client may retry it after a connection failure or a 5xx, as it is configured to.
     * @param what what the call does, for the message if it fails ("reading deployment backend in prod")
     */
    <T> T run(RunAs runAs, Text what, Function<KubernetesClient, T> call) {
        return call(runAs, what, call, false);
    }

    /**
     * A change: sent once. The client's own retry (on a 5xx or a dropped connection) is switched off for
     * it, because a change that may already have reached the cluster must not be sent again.
     */
    <T> T once(RunAs runAs, Text what, Function<KubernetesClient, T> call) {
        return call(runAs, what, call, true);
    }

    private <T> T call(RunAs runAs, Text what, Function<KubernetesClient, T> call, boolean once) {
        try {
            KubernetesClient client = clients.get();
            if (!runAs.impersonating() && !once) {
                return call.apply(client);
            }
            RequestConfigBuilder config = new RequestConfigBuilder(client.getConfiguration().getRequestConfig());
            if (once) {
                config.withRequestRetryBackoffLimit(0);
            }
            if (runAs.impersonating()) {
                config.withImpersonateUsername(runAs.user()).withImpersonateGroups(runAs.groups().toArray(String[]::new));
            }
            RequestConfig built = config.build();
            return client.adapt(NamespacedKubernetesClient.class).withRequestConfig(built).call(call::apply);
        } catch (ActionException e) {
            throw e;
        } catch (KubernetesClientException e) {
            throw map(e, what, runAs);
        } catch (RuntimeException e) {
            if (unreachable(e)) {
                throw new ActionException(Reason.UNREACHABLE, "kubernetes.error.unreachable", what);
            }
            throw new ActionException(Reason.FAILED, "kubernetes.error.failed-exception", what, e.getClass().getSimpleName());
        }
    }

    static ActionException map(KubernetesClientException e, Text what, RunAs runAs) {
        Text detail = statusMessage(e);
        return switch (e.getCode()) {
            case 404 -> new ActionException(Reason.NOT_FOUND, "kubernetes.error.not-found", what, detail);
            case 401 -> new ActionException(Reason.FORBIDDEN, "kubernetes.error.unauthorized", what);
            case 403 -> new ActionException(Reason.FORBIDDEN, "kubernetes.error.forbidden", what, identity(runAs), detail);
            case 409 -> new ActionException(Reason.CONFLICT, "kubernetes.error.conflict", what, detail);
            case 400, 415, 422 -> new ActionException(Reason.INVALID, "kubernetes.error.rejected", what, detail);
            case 502, 503, 504 -> new ActionException(Reason.UNREACHABLE, "kubernetes.error.unavailable", e.getCode(), what);
            case 0, -1 -> unreachable(e)
                    ? new ActionException(Reason.UNREACHABLE, "kubernetes.error.unreachable", what)
                    : new ActionException(Reason.FAILED, "kubernetes.error.failed", what);
            default -> new ActionException(Reason.FAILED, "kubernetes.error.failed-http", what, e.getCode(), detail);
        };
    }

    static Text identity(RunAs runAs) {
        if (!runAs.impersonating()) {
            return Text.of("kubernetes.identity.bot");
        }
        return runAs.groups().isEmpty() ? Text.of("kubernetes.identity.impersonating", runAs.user())
                : Text.of("kubernetes.identity.impersonating-groups", runAs.user(), String.join(", ", runAs.groups()));
    }

    /** A failed JSON patch {@code test} operation: the object is no longer what the patch expected. */
    static boolean failedTest(KubernetesClientException e) {
        String m = e.getStatus() == null || e.getStatus().getMessage() == null ? String.valueOf(e.getMessage())
                : e.getStatus().getMessage();
        return e.getCode() == 409 || (e.getCode() == 422 && m.toLowerCase(java.util.Locale.ROOT).contains("test"));
    }

    /** The API server's own explanation (RBAC, validation): it names objects and verbs, never secrets. */
    private static Text statusMessage(KubernetesClientException e) {
        if (e.getStatus() == null || e.getStatus().getMessage() == null || e.getStatus().getMessage().isBlank()) {
            return Text.plain("");
        }
        String m = e.getStatus().getMessage().replaceAll("\\p{Cntrl}", " ").trim();
        return Text.of("kubernetes.error.detail", m.length() > 240 ? m.substring(0, 240) + "…" : m);
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof TimeoutException
                    || t instanceof InterruptedIOException || t instanceof java.nio.channels.ClosedChannelException
                    || t.getClass().getSimpleName().contains("Timeout") || t.getClass().getSimpleName().contains("Connect")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
