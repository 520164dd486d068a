package io.warroom.incident.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Incident settings (docs/configuration.md#incidents). {@code recordToken}, when set, is the bearer token
 * {@code GET /incidents/{id}/record} requires from every client; without it only loopback clients may read
 * records. {@code roomLinks} turn a war room's platform id into a web link ({channel} is replaced).
 */
@ConfigurationProperties("warroom.incident")
record IncidentProperties(String playbooks, Duration recordReminder, Duration duplicateWindow, String recordToken,
                          String publicUrl, Map<String, String> roomLinks) {

    IncidentProperties {
        playbooks = playbooks == null || playbooks.isBlank() ? "classpath*:warroom/playbooks/*.yaml" : playbooks;
        recordReminder = recordReminder == null ? Duration.ofHours(24) : recordReminder;
        duplicateWindow = duplicateWindow == null ? Duration.ofMinutes(10) : duplicateWindow;
        recordToken = recordToken == null || recordToken.isBlank() ? null : recordToken;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "");
        var links = new LinkedHashMap<String, String>();
        links.put("slack", "https://slack.com/app_redirect?channel={channel}");
        links.put("feishu", "https://applink.feishu.cn/client/chat/open?openChatId={channel}");
        if (roomLinks != null) {
            links.putAll(roomLinks);
        }
        roomLinks = Map.copyOf(links);
    }

    @Override
    public String toString() {
        return "IncidentProperties[playbooks=" + playbooks + ", recordReminder=" + recordReminder
                + ", recordToken=" + (recordToken == null ? "unset" : "set") + ", publicUrl=" + publicUrl + "]";
    }
}
