/** Feishu / Lark: settings now; client, event endpoint, card renderer and gateway arrive with the Feishu issue. */
package io.warroom.feishu;
