-- The deleted-files list (GET .../files/deleted) pages a project's deleted paths in code point order. Without this
-- index each page sorted every deleted row of the project (26 ms for 10,000 of them); with it a page reads its rows
-- in order (0.4 ms).
CREATE INDEX current_files_deleted ON current_files (project_id, (path COLLATE "C"), updated_at DESC) WHERE deleted;
