-- Command-side state that is not history: projects, their members' access tokens, and the path claims.

CREATE TABLE projects (
    project_id UUID        PRIMARY KEY,
    name       TEXT        NOT NULL,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- Tokens are stored as their SHA-256 only: the database never holds a usable token.
CREATE TABLE access_tokens (
    token_sha256 CHAR(64)    PRIMARY KEY,
    project_id   UUID        NOT NULL REFERENCES projects (project_id),
    user_name    TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX access_tokens_by_project ON access_tokens (project_id, user_name);

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
