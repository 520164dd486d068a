package io.warroom.probe.internal;

import io.warroom.action.ActionException;
import io.warroom.action.ActionException.Reason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSource;
import io.warroom.shared.Text;

/** Sends one request with the target's credentials and timeout; reads at most 64 KiB of the answer. */
final class HttpCalls {

    /** {@code etag}: the answer's ETag header, or null. */
    record Response(int code, String message, String body, long millis, String etag) {
        boolean ok() {
            return code >= 200 && code < 300;
        }
    }

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final long MAX_BODY = 64 * 1024;

    private final OkHttpClient client;

    HttpCalls(OkHttpClient client) {
        this.client = client;
    }

    Response send(HttpTarget target, String method, String pathAndQuery, String body) {
        return send(target, method, pathAndQuery, body, java.util.Map.of());
    }

    /** @param extra headers beyond the target's own, e.g. {@code If-Match} */
    Response send(HttpTarget target, String method, String pathAndQuery, String body, java.util.Map<String, String> extra) {
        HttpUrl base = HttpUrl.get(target.baseUrl() + "/");
        HttpUrl url = HttpUrl.get(target.baseUrl() + pathAndQuery);
        if (!url.host().equals(base.host()) || url.port() != base.port() || !url.scheme().equals(base.scheme())) {
            throw new ActionException(Reason.INVALID, "probe.invalid.path-leaves", target.name());
        }
        Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json")
                .header("User-Agent", "warroom");
        target.headers().forEach(request::header);
        extra.forEach(request::header);
        if (target.bearerToken() != null) {
            request.header("Authorization", "Bearer " + target.bearerToken());
        }
        RequestBody requestBody = body.isEmpty() ? (method.equals("GET") || method.equals("DELETE") ? null : RequestBody.create(new byte[0], JSON))
                : RequestBody.create(body, JSON);
        request.method(method, requestBody);
        OkHttpClient timed = client.newBuilder().callTimeout(target.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(target.timeout().toMillis(), TimeUnit.MILLISECONDS).build();
        long start = System.nanoTime();
        try (okhttp3.Response response = timed.newCall(request.build()).execute()) {
            String text = "";
            if (response.body() != null) {
                BufferedSource source = response.body().source();
                source.request(MAX_BODY);
                Buffer buffer = source.getBuffer();
                text = buffer.clone().readUtf8(Math.min(buffer.size(), MAX_BODY));
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return new Response(response.code(), response.message().isEmpty() ? reason(response.code()) : response.message(), text, millis,
                    response.header("ETag"));
        } catch (InterruptedIOException e) {
            throw new ActionException(Reason.UNREACHABLE, "probe.error.timeout", target.name(), target.timeout().toMillis(),
                    method + " " + pathOnly(pathAndQuery));
        } catch (ConnectException | UnknownHostException e) {
            throw new ActionException(Reason.UNREACHABLE, "probe.error.unreachable", target.name(), e.getClass().getSimpleName());
        } catch (IOException e) {
            throw new ActionException(Reason.UNREACHABLE, "probe.error.connection", target.name(), e.getClass().getSimpleName());
        }
    }

    /** A non-2xx answer as an {@link ActionException} that says what the service said, without secrets. */
    ActionException failure(String what, Response r, HttpTarget target) {
        String excerpt = Excerpts.of(r.body(), target.bearerToken());
        Text message = Text.of(excerpt.isEmpty() ? "probe.error.answered" : "probe.error.answered-body", target.name(), r.code(),
                r.message(), what, excerpt);
        if (target.sandbox()) {
            message = Text.of("probe.sandboxed", message);
        }
        Reason reason;
        if (r.code() == 401 || r.code() == 403) {
            reason = Reason.FORBIDDEN;
        } else if (r.code() == 404) {
            reason = Reason.NOT_FOUND;
        } else if (r.code() == 409) {
            reason = Reason.CONFLICT;
        } else if (r.code() >= 400 && r.code() < 500) {
            reason = Reason.INVALID;
        } else if (r.code() == 502 || r.code() == 503 || r.code() == 504) {
            reason = Reason.UNREACHABLE;
        } else {
            reason = Reason.FAILED;
        }
        return new ActionException(reason, message);
    }

    private static String pathOnly(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    private static String reason(int code) {
        return switch (code) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable Entity";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }
}
