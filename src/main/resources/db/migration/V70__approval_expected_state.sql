-- The state the approver was shown (a deployment's uid and generation, a rollback's target ReplicaSet, an
-- admin API's ETag), as JSON. It is part of the action's digest: execution refuses when the target moved.
alter table approval_request add column expected text;
