-- Command-side: the first answer to a request sent with an Idempotency-Key, so a retry (after a lost answer) gets
-- that answer again instead of acting twice. A key belongs to one user in one project. A row is claimed (status
-- NULL) in its own short transaction before the command runs, and the answer is written in the command's own
-- transaction, so the events and the answer commit together or not at all. Rows are kept for at least 24 hours.
-- V5 was never used; a V5 added now would be out of order for databases that already have V6.
CREATE TABLE idempotency_keys (
    project_id      UUID        NOT NULL,
    user_name       TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    request_sha256  CHAR(64)    NOT NULL,
    status          INTEGER,
    response        TEXT,
    claim_token     UUID        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    claimed_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (project_id, user_name, idempotency_key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
