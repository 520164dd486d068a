-- H2 only. H2 hands out identity values from a small cache and, when it runs out, writes the sequence under
-- an exclusive lock held until the transaction ends: concurrent transactions that insert many rows (an alert
-- notification stores dozens) then run one at a time. A large cache makes that rare. H2's cache is shared by
-- all sessions, so ids stay in insertion order (the outbox relies on it); PostgreSQL needs none of this.
alter table outbox alter column id set cache 10000;
alter table timeline_entry alter column id set cache 10000;
alter table console_message alter column id set cache 10000;
alter table alert_group alter column id set cache 10000;
alter table alert alter column id set cache 10000;
alter table alert_state_change alter column id set cache 10000;
alter table alert_storm alter column id set cache 10000;
alter table approval_request alter column id set cache 10000;
alter table command_inbox alter column id set cache 10000;
alter table scheduled_task alter column id set cache 10000;
