-- The platform's tables: Axon's JDBC event store (read only through platform.eventstore.EventTable and TokenTable)
-- and the projects with their members' access tokens, which the platform's authentication reads.
-- A database created before each module owned its migrations already holds these tables in exactly this shape
-- (see ModuleMigrations), so this script must never change; later changes go into V2 and up.

-- Axon's JDBC event store on PostgreSQL (the shape of Axon's PostgresEventTableFactory / PostgresTokenTableFactory).
-- The unique (aggregateIdentifier, sequenceNumber) key is what serialises concurrent appends to one file:
-- the loser of a race gets a unique violation, which Axon reports as a ConcurrencyException.
CREATE TABLE domainevententry (
    globalindex         BIGSERIAL    NOT NULL,
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventidentifier     VARCHAR(255) NOT NULL,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (globalindex),
    UNIQUE (aggregateidentifier, sequencenumber),
    UNIQUE (eventidentifier)
);

CREATE TABLE snapshotevententry (
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventidentifier     VARCHAR(255) NOT NULL,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateidentifier, sequencenumber),
    UNIQUE (eventidentifier)
);

CREATE TABLE tokenentry (
    processorname VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA        NULL,
    tokentype     VARCHAR(255) NULL,
    timestamp     VARCHAR(255) NULL,
    owner         VARCHAR(255) NULL,
    PRIMARY KEY (processorname, segment)
);

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
