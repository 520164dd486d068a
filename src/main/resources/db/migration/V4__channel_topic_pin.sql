-- The console keeps a channel's topic and pinned message, as Slack and Feishu do.
alter table console_channel add column topic varchar(1000);
alter table console_channel add column pinned_message_id bigint;
