package io.warroom.handoff.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.directory.Person;
import org.springframework.stereotype.Component;

/** A handoff in the runbook's own Markdown template (after-sales §6.2), with who acknowledged it and when. */
@Component
class HandoffMarkdown {

    private final ChatTimes times;

    HandoffMarkdown(ChatTimes times) {
        this.times = times;
    }

    String export(Handoff h, Person outgoing, Person incoming, Person acknowledgedBy) {
        var v = h.values();
        StringBuilder md = new StringBuilder("# 值班交接单\n\n## 基本信息\n")
                .append("- 交班时间: ").append(times.format(h.handoverAt())).append('\n')
                .append("- 交班人: ").append(outgoing.name()).append('\n')
                .append("- 接班人: ").append(incoming.name()).append("\n\n## 服务状态\n");
        if (v == null) {
            return md.append("(未提交 not submitted)\n").toString();
        }
        md.append(box(v.servicesOk())).append("所有服务正常运行\n")
                .append(box(v.noAlerts())).append("监控面板无异常告警\n")
                .append(box(v.noMajorEvent())).append("最近24小时无重大事件\n\n## 待处理事项\n");
        items(md, v.openItems());
        md.append("\n## 最近变更\n");
        items(md, v.recentChanges());
        md.append("\n## 备注\n").append(v.notes() == null ? "" : v.notes() + "\n");
        if (h.acknowledgedAt() != null) {
            md.append("\n---\n接班确认: ").append(acknowledgedBy.name()).append(", ").append(times.format(h.acknowledgedAt())).append('\n');
        }
        return md.toString();
    }

    private static void items(StringBuilder md, String details) {
        md.append(box(details == null)).append("无\n").append(box(details != null)).append("有 (详细说明):");
        md.append(details == null ? "\n" : "\n" + details.indent(2));
    }

    private static String box(boolean ticked) {
        return ticked ? "- [x] " : "- [ ] ";
    }
}
