-- Which project each file belongs to, as the query side has seen it in the events: the audit stream and /verify
-- select a project's events by it instead of reading the command side's path claims. A file never changes project.
-- A database that already has read models gets the mapping from them (both carry every file they have handled).
CREATE TABLE file_projects (
    file_id    UUID PRIMARY KEY,
    project_id UUID NOT NULL
);
CREATE INDEX file_projects_by_project ON file_projects (project_id);

INSERT INTO file_projects (file_id, project_id)
SELECT file_id, project_id FROM current_files
UNION
SELECT file_id, project_id FROM file_versions
ON CONFLICT (file_id) DO NOTHING;
