-- When a war room got its follow-ups (topic, checklist, card link): only then are the checklist's updates
-- sent there, because an update of a message not posted yet would fail for good.
alter table incident_room add column settled_at timestamp with time zone;
