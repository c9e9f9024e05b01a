-- Read models of the query side. Projections write them with upserts and guarded updates only, so a replay
-- (or an event delivered twice) leaves the same rows.

-- One row per file: its newest version (content included), live or deleted.
CREATE TABLE current_files (
    file_id      UUID        PRIMARY KEY,
    project_id   UUID        NOT NULL,
    path         TEXT        NOT NULL,
    version      INTEGER     NOT NULL,
    content      TEXT        NOT NULL,
    content_hash CHAR(64)    NOT NULL,
    size_bytes   BIGINT      NOT NULL,
    file_type    TEXT,
    deleted      BOOLEAN     NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    updated_by   TEXT        NOT NULL
);
CREATE INDEX current_files_by_path ON current_files (project_id, path);

-- One row per history entry. Content is kept on entries that carry new content (created, saved, restored);
-- a move or delete keeps the content of the entry before it.
CREATE TABLE file_versions (
    file_id      UUID        NOT NULL,
    version      INTEGER     NOT NULL,
    project_id   UUID        NOT NULL,
    path         TEXT        NOT NULL,
    kind         TEXT        NOT NULL,
    content      TEXT,
    content_hash CHAR(64)    NOT NULL,
    size_bytes   BIGINT      NOT NULL,
    file_type    TEXT,
    at           TIMESTAMPTZ NOT NULL,
    by           TEXT        NOT NULL,
    message      TEXT,
    PRIMARY KEY (file_id, version)
);
CREATE INDEX file_versions_timeline ON file_versions (project_id, at DESC);
