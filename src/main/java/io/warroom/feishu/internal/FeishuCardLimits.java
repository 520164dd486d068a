package io.warroom.feishu.internal;

/**
 * How much of a message a card shows. Feishu refuses a card whose send request is over 30 KB (send-message
 * API, https://open.feishu.cn/document/server-docs/im-v1/message/create: "卡片及富文本消息请求体最大不能超过
 * 30 KB") and, as we read the card JSON 2.0 structure page
 * (https://open.feishu.cn/document/uAjLw4CM/ukzMukzMukzM/feishu-cards/card-json-v2-structure), more than 200
 * components. The renderer starts from {@link #GENEROUS} and halves every allowance until the card fits
 * {@link #BUDGET_BYTES} (some room is left for the request's other fields); each cut is visible: an
 * ellipsis, or a line "… +N" for items left out.
 */
record FeishuCardLimits(int text, int code, int value, int label, int fields, int options, int buttons) {

    static final int MAX_REQUEST_BYTES = 30 * 1024;
    static final int BUDGET_BYTES = 28 * 1024;
    static final int MAX_COMPONENTS = 200;
    /** Longest value a form text input can hold (its max_length is 1 to 1,000). */
    static final int INPUT_VALUE = 1000;
    /** Longest button text. */
    static final int BUTTON_TEXT = 100;

    static final FeishuCardLimits GENEROUS = new FeishuCardLimits(6000, 8000, 2000, 300, 60, 300, 30);
    private static final FeishuCardLimits FLOOR = new FeishuCardLimits(200, 200, 60, 40, 4, 8, 6);

    /** Half of every allowance, never below the floor. */
    FeishuCardLimits halved() {
        return new FeishuCardLimits(Math.max(FLOOR.text, text / 2), Math.max(FLOOR.code, code / 2),
                Math.max(FLOOR.value, value / 2), Math.max(FLOOR.label, label / 2), Math.max(FLOOR.fields, fields / 2),
                Math.max(FLOOR.options, options / 2), Math.max(FLOOR.buttons, buttons / 2));
    }

    boolean atFloor() {
        return equals(FLOOR);
    }
}
