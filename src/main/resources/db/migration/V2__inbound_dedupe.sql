-- Inbound deliveries already handled, by source and the platform's delivery id (Slack event_id,
-- Feishu header.event_id, Alertmanager group key + fingerprints). Platforms retry; work happens once.
create table inbound_delivery (
    source       varchar(32)  not null,
    delivery_id  varchar(300) not null,
    received_at  timestamp with time zone not null,
    primary key (source, delivery_id)
);
create index inbound_delivery_received on inbound_delivery (received_at);
