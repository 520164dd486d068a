package io.warroom.kubernetes.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import io.warroom.action.RunAs;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs API calls as the given identity (impersonation per request) and turns client failures into
 * {@link ActionException}s fit for chat. Messages name the identity but never carry credentials.
 */
final class KubeCalls {

    private final KubernetesClient client;

    KubeCalls(KubernetesClient client) {
        this.client = client;
    }

    <T> T run(RunAs runAs, String what, Function<KubernetesClient, T> call) {
        try {
            if (!runAs.impersonating()) {
                return call.apply(client);
            }
            RequestConfig config = new RequestConfigBuilder(client.getConfiguration().getRequestConfig())
                    .withImpersonateUsername(runAs.user())
                    .withImpersonateGroups(runAs.groups().toArray(String[]::new))
                    .build();
            return client.adapt(NamespacedKubernetesClient.class).withRequestConfig(config).call(call::apply);
        } catch (ActionException e) {
            throw e;
        } catch (KubernetesClientException e) {
            throw map(e, what, runAs);
        } catch (RuntimeException e) {
            if (unreachable(e)) {
                throw new ActionException(Reason.UNREACHABLE, "Kubernetes API unreachable while " + what);
            }
            throw new ActionException(Reason.FAILED, what + " failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    static ActionException map(KubernetesClientException e, String what, RunAs runAs) {
        String detail = statusMessage(e);
        return switch (e.getCode()) {
            case 404 -> new ActionException(Reason.NOT_FOUND, "not found while " + what + detail);
            case 401 -> new ActionException(Reason.FORBIDDEN, "Kubernetes did not accept Warroom's credentials while " + what);
            case 403 -> new ActionException(Reason.FORBIDDEN, "Kubernetes refused " + what + " for " + identity(runAs) + detail);
            case 409 -> new ActionException(Reason.CONFLICT, "conflict while " + what
                    + ": the object changed at the same time; look at it again and retry" + detail);
            case 400, 415, 422 -> new ActionException(Reason.INVALID, "Kubernetes rejected " + what + detail);
            case 502, 503, 504 -> new ActionException(Reason.UNREACHABLE, "Kubernetes API unavailable (" + e.getCode()
                    + ") while " + what);
            case 0 -> unreachable(e)
                    ? new ActionException(Reason.UNREACHABLE, "Kubernetes API unreachable while " + what)
                    : new ActionException(Reason.FAILED, what + " failed");
            default -> new ActionException(Reason.FAILED, what + " failed: HTTP " + e.getCode() + detail);
        };
    }

    static String identity(RunAs runAs) {
        if (!runAs.impersonating()) {
            return "Warroom's own ServiceAccount";
        }
        return "impersonating " + runAs.user() + (runAs.groups().isEmpty() ? "" : " (groups " + String.join(", ", runAs.groups()) + ")");
    }

    /** The API server's own explanation (RBAC, validation): it names objects and verbs, never secrets. */
    private static String statusMessage(KubernetesClientException e) {
        if (e.getStatus() == null || e.getStatus().getMessage() == null || e.getStatus().getMessage().isBlank()) {
            return "";
        }
        String m = e.getStatus().getMessage().replaceAll("\\p{Cntrl}", " ").trim();
        return ": " + (m.length() > 240 ? m.substring(0, 240) + "…" : m);
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
