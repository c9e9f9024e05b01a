-- Point-in-time reads and the git export order history entries by their audit-stream position: the global index of
-- the entry's event in domainevententry. An entry is the event with sequence number version - 1 of its file's
-- stream, so existing rows are filled from the event store here, in place; replaying the read models instead would
-- leave every query of a running system answering "behind" until the replay had caught up.
ALTER TABLE file_versions ADD COLUMN position BIGINT;
UPDATE file_versions v SET position = e.globalindex
FROM domainevententry e
WHERE e.aggregateidentifier = v.file_id::text AND e.sequencenumber = v.version - 1;
ALTER TABLE file_versions ALTER COLUMN position SET NOT NULL;

-- The export pages through a project's entries by position. Point-in-time reads need no index of their own: for
-- each of the project's files (current_files) they walk the primary key (file_id, version) down from the newest
-- version to the first entry at or before the bound, as position and time grow with the version.
CREATE INDEX file_versions_by_position ON file_versions (project_id, position);
