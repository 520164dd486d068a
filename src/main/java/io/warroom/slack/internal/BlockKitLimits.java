package io.warroom.slack.internal;

/**
 * Every Block Kit and Web API limit Warroom's Slack payloads must respect, in one table. Sources: Slack's
 * reference pages for blocks (https://api.slack.com/reference/block-kit/blocks), block elements
 * (https://api.slack.com/reference/block-kit/block-elements), composition objects
 * (https://api.slack.com/reference/block-kit/composition-objects), views
 * (https://api.slack.com/reference/surfaces/views) and {@code conversations.setTopic}. The renderer reads its
 * limits only from here, and the test fake of Slack's API refuses what breaks them, so a change to one
 * number is a change to both. Lengths are in UTF-16 units, which never undercounts Slack's characters.
 */
final class BlockKitLimits {

    /** Blocks in one message. */
    static final int MESSAGE_BLOCKS = 50;
    /** Blocks in one modal view. */
    static final int MODAL_BLOCKS = 100;
    /** Text of a section block. */
    static final int SECTION_TEXT = 3000;
    /** Fields in one section block, and the length of each. */
    static final int SECTION_FIELDS = 10;
    static final int FIELD_TEXT = 2000;
    /** Header block text (plain_text). */
    static final int HEADER_TEXT = 150;
    /** Elements of a context block, and the length of each text element. */
    static final int CONTEXT_ELEMENTS = 10;
    static final int CONTEXT_TEXT = 3000;
    /** Elements of one actions block. */
    static final int ACTIONS_ELEMENTS = 25;
    /** Button text, value and url. */
    static final int BUTTON_TEXT = 75;
    static final int BUTTON_VALUE = 2000;
    /** action_id of any element and block_id of any block, including suffixes Warroom adds. */
    static final int ACTION_ID = 255;
    static final int BLOCK_ID = 255;
    /** Options of a static or multi-static select; beyond that, option groups (each up to this many). */
    static final int SELECT_OPTIONS = 100;
    static final int OPTION_GROUPS = 100;
    static final int OPTION_GROUP_LABEL = 75;
    /** Options of a checkboxes element (more become a multi-select). */
    static final int CHECKBOX_OPTIONS = 10;
    /** Option text and value. */
    static final int OPTION_TEXT = 75;
    static final int OPTION_VALUE = 150;
    /** Placeholder of an input element. */
    static final int PLACEHOLDER = 150;
    /** Label of an input block. */
    static final int INPUT_LABEL = 2000;
    /** initial_value and max_length of a plain_text_input. */
    static final int INPUT_VALUE = 3000;
    /** Modal title, submit and close texts. */
    static final int VIEW_TITLE = 24;
    /** callback_id and private_metadata of a view. */
    static final int CALLBACK_ID = 255;
    static final int PRIVATE_METADATA = 3000;
    /** Top-level {@code text} of chat.postMessage: Slack truncates beyond 40,000; 4,000 is its advice. */
    static final int MESSAGE_TEXT = 4000;
    /** conversations.setTopic. */
    static final int TOPIC = 250;

    private BlockKitLimits() {
    }
}
