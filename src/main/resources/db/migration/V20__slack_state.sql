-- Slack adapter state shared by replicas.
-- Channels Warroom created, by the outbox's idempotency key: a retried creation finds its channel here.
create table slack_group (
    idempotency_key varchar(200) not null primary key,
    channel_id      varchar(40)  not null,
    name            varchar(80)  not null,
    created_at      timestamp with time zone not null
);

-- Forms that could not open as a modal (no trigger, or it expired): the "Open form" button carries the id.
create table slack_pending_form (
    id          varchar(40)   not null primary key,
    user_id     varchar(40)   not null,
    view_json   text          not null,
    created_at  timestamp with time zone not null
);
create index slack_pending_form_created on slack_pending_form (created_at);
