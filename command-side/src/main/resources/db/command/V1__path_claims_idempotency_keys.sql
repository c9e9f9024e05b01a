-- The command side's tables. A database created before each module owned its migrations already holds them in
-- exactly this shape (see ModuleMigrations), so this script must never change; later changes go into V2 and up.

-- Set-based validation of paths: written in the same transaction as the file's events, so at most one live
-- file holds a path even when two creates race (the partial unique index decides the race).
CREATE TABLE file_paths (
    file_id    UUID        PRIMARY KEY,
    project_id UUID        NOT NULL,
    path       TEXT        NOT NULL,
    live       BOOLEAN     NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX file_paths_one_live_file_per_path ON file_paths (project_id, path) WHERE live;
CREATE INDEX file_paths_deleted ON file_paths (project_id, path, changed_at DESC) WHERE NOT live;

-- The first answer to a request sent with an Idempotency-Key, so a retry (after a lost answer) gets that answer
-- again instead of acting twice. A key belongs to one user in one project. A row is claimed (status NULL) in its
-- own short transaction before the command runs, and the answer is written in the command's own transaction, so
-- the events and the answer commit together or not at all. Rows are kept for at least 24 hours.
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
