-- Read models of the query side. Projections write them with upserts and guarded updates only, so a replay
-- (or an event delivered twice) leaves the same rows. Content is stored once, in the event store; the read models
-- keep its hash and size (FileContents rebuilds the text).
-- A database created before each module owned its migrations already holds these tables in exactly this shape
-- (see ModuleMigrations), so this script must never change; later changes go into V2 and up.

-- One row per file: its newest version, live or deleted.
CREATE TABLE current_files (
    file_id      UUID        PRIMARY KEY,
    project_id   UUID        NOT NULL,
    path         TEXT        NOT NULL,
    version      INTEGER     NOT NULL,
    content_hash CHAR(64)    NOT NULL,
    size_bytes   BIGINT      NOT NULL,
    file_type    TEXT,
    deleted      BOOLEAN     NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    updated_by   TEXT        NOT NULL
);
CREATE INDEX current_files_by_path ON current_files (project_id, path);

-- One row per history entry, with the position of its event in the audit stream (the global index of the event
-- with sequence number version - 1 of the file's stream): point-in-time reads and the git export order by it.
CREATE TABLE file_versions (
    file_id      UUID        NOT NULL,
    version      INTEGER     NOT NULL,
    project_id   UUID        NOT NULL,
    path         TEXT        NOT NULL,
    kind         TEXT        NOT NULL,
    content_hash CHAR(64)    NOT NULL,
    size_bytes   BIGINT      NOT NULL,
    file_type    TEXT,
    at           TIMESTAMPTZ NOT NULL,
    by           TEXT        NOT NULL,
    message      TEXT,
    position     BIGINT      NOT NULL,
    PRIMARY KEY (file_id, version)
);
CREATE INDEX file_versions_timeline ON file_versions (project_id, at DESC);
-- The export pages through a project's entries by position. Point-in-time reads need no index of their own: for
-- each of the project's files (current_files) they walk the primary key (file_id, version) down from the newest
-- version to the first entry at or before the bound, as position and time grow with the version.
CREATE INDEX file_versions_by_position ON file_versions (project_id, position);
