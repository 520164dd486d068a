package io.warroom.feishu;

import io.warroom.shared.ConfigurationProblem;
import io.warroom.shared.InboundMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Feishu / Lark settings. Feishu starts only when configured. {@code mode}: {@code http} (Feishu calls
 * {@code /feishu/events}; all four credentials are needed, since the encrypt key is what request signatures
 * are checked with) or {@code long-connection} (长连接: Warroom opens a WebSocket to Feishu with the app id and
 * secret, which authenticates the connection once; no public URL, and no verification token or encrypt key).
 * {@code longConnection}: reconnect backoff bounds and how long shutdown waits for messages in flight.
 *
 * <p>{@code baseUrl} is {@code https://open.feishu.cn} for Feishu and {@code https://open.larksuite.com} for
 * Lark. {@code tokenRefreshMargin}: the tenant token is renewed this long before it expires (the official
 * SDK uses 3 minutes). {@code replayWindow}: signed requests whose timestamp is further than this from now,
 * either way, are refused. {@code timeout}: connect/read/write timeout of Open API calls.
 */
@ConfigurationProperties("warroom.feishu")
public record FeishuProperties(String appId, String appSecret, String verificationToken, String encryptKey,
                               String baseUrl, Duration tokenRefreshMargin, Duration replayWindow,
                               Duration timeout, String mode, LongConnection longConnection) {

    public record LongConnection(Duration reconnectMin, Duration reconnectMax, Duration drainTimeout) {
        public LongConnection {
            reconnectMin = reconnectMin == null ? Duration.ofSeconds(1) : reconnectMin;
            reconnectMax = reconnectMax == null ? Duration.ofMinutes(2) : reconnectMax;
            drainTimeout = drainTimeout == null ? Duration.ofSeconds(10) : drainTimeout;
        }
    }

    public FeishuProperties {
        appId = blankToNull(appId);
        appSecret = blankToNull(appSecret);
        verificationToken = blankToNull(verificationToken);
        encryptKey = blankToNull(encryptKey);
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://open.feishu.cn" : stripSlash(baseUrl.trim());
        tokenRefreshMargin = tokenRefreshMargin == null ? Duration.ofMinutes(3) : tokenRefreshMargin;
        replayWindow = replayWindow == null ? Duration.ofMinutes(5) : replayWindow;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        longConnection = longConnection == null ? new LongConnection(null, null, null) : longConnection;
        InboundMode inbound = InboundMode.parse(mode, "warroom.feishu.mode (FEISHU_MODE)");
        mode = inbound == InboundMode.SOCKET ? "long-connection" : "http";
        List<String> missing = new ArrayList<>();
        if (appId == null) {
            missing.add("warroom.feishu.app-id (FEISHU_APP_ID)");
        }
        if (appSecret == null) {
            missing.add("warroom.feishu.app-secret (FEISHU_APP_SECRET)");
        }
        if (inbound == InboundMode.SOCKET) {
            if (!missing.isEmpty()) {
                throw new ConfigurationProblem("Feishu is half configured: warroom.feishu.mode (FEISHU_MODE) is "
                        + "long-connection but missing " + String.join(", ", missing));
            }
        } else {
            checkHttpMode(missing, verificationToken, encryptKey);
        }
    }

    private static void checkHttpMode(List<String> missing, String verificationToken, String encryptKey) {
        if (verificationToken == null) {
            missing.add("warroom.feishu.verification-token (FEISHU_VERIFICATION_TOKEN)");
        }
        if (encryptKey == null) {
            missing.add("warroom.feishu.encrypt-key (FEISHU_ENCRYPT_KEY)");
        }
        if (!missing.isEmpty() && missing.size() < 4) {
            throw new ConfigurationProblem("Feishu is half configured: missing " + String.join(", ", missing));
        }
    }

    public boolean configured() {
        return appId != null;
    }

    /** The long connection (长连接): events and card callbacks arrive over a WebSocket; /feishu/events is off. */
    public boolean longConnectionMode() {
        return "long-connection".equals(mode);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "FeishuProperties[configured=" + configured() + ", mode=" + mode + ", baseUrl=" + baseUrl + "]";
    }
}
