-- Incidents (issue 9). Times are UTC. Identifiers such as INC-20261130-01 are allocated per day in the
-- team's time zone from incident_counter, whose row lock also serialises declarations of that day.
create table incident (
    id                varchar(40)   primary key,
    severity          varchar(2)    not null,
    title             varchar(200)  not null,
    service           varchar(63),
    namespace         varchar(63),
    labels            text          not null,
    status            varchar(16)   not null,
    declared_by       varchar(200)  not null,
    declare_key       varchar(300),
    origin_platform   varchar(16)   not null,
    origin_channel    varchar(200)  not null,
    origin_thread     varchar(200),
    latest_status     varchar(2000),
    latest_status_by  varchar(200),
    latest_status_at  timestamp with time zone,
    started_at        timestamp with time zone not null,
    identified_at     timestamp with time zone,
    mitigated_at      timestamp with time zone,
    resolved_at       timestamp with time zone,
    closed_at         timestamp with time zone
);
-- One incident per idempotency key (a form's nonce, an alert group's declaration): a retry finds it.
create unique index incident_declare_key on incident (declare_key);
create index incident_status on incident (status);
create index incident_origin on incident (origin_platform, origin_channel);

create table incident_counter (
    day_key   varchar(8)  primary key,
    last_seq  int         not null
);

-- Commander, scribe, communications: one person per role.
create table incident_role (
    incident_id  varchar(40)   not null references incident (id),
    role         varchar(32)   not null,
    person_id    varchar(200)  not null,
    assigned_at  timestamp with time zone not null,
    primary key (incident_id, role)
);

-- Everyone pulled in, and why (a roster role, the declarer, an alert's acknowledger, a role in the incident).
create table incident_participant (
    incident_id  varchar(40)   not null references incident (id),
    person_id    varchar(200)  not null,
    reason       varchar(64)   not null,
    added_at     timestamp with time zone not null,
    primary key (incident_id, person_id)
);

-- One war room per platform: the row is the claim (a retried declare or a second replica inserts nothing).
create table incident_room (
    incident_id   varchar(40)   not null references incident (id),
    platform      varchar(16)   not null,
    group_key     varchar(100)  not null,
    name          varchar(200)  not null,
    channel_id    varchar(200),
    topic         varchar(300),
    state         varchar(12)   not null,
    error         varchar(500),
    requested_at  timestamp with time zone not null,
    opened_at     timestamp with time zone,
    primary key (incident_id, platform)
);
create unique index incident_room_group on incident_room (platform, group_key);
create index incident_room_channel on incident_room (platform, channel_id);

-- Who was invited to which room, so invitations are sent once and finished after a crash or a new severity.
create table incident_room_member (
    incident_id  varchar(40)   not null references incident (id),
    platform     varchar(16)   not null,
    person_id    varchar(200)  not null,
    invited_at   timestamp with time zone not null,
    refused      varchar(200),
    primary key (incident_id, platform, person_id)
);

-- Alert groups linked to the incident, as the alert module names them (opaque references).
create table incident_alert (
    incident_id  varchar(40)   not null references incident (id),
    alert_group  varchar(300)  not null,
    linked_at    timestamp with time zone not null,
    primary key (incident_id, alert_group)
);

-- The timed checklist (P0 stages): when each stage became current and when it was done, and how.
create table incident_stage (
    incident_id  varchar(40)  not null references incident (id),
    stage_id     varchar(32)  not null,
    position     int          not null,
    started_at   timestamp with time zone,
    done_at      timestamp with time zone,
    done_by      varchar(200),
    done_how     varchar(16),
    primary key (incident_id, stage_id)
);
