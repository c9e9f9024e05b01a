-- Content is stored once, in the event store (full text or line edits of the previous version); the read models
-- keep its hash and size, and readers rebuild a version's text from the file's own events (FileContents).
ALTER TABLE current_files DROP COLUMN content;
ALTER TABLE file_versions DROP COLUMN content;
