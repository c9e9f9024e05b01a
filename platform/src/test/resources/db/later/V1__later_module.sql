-- A module added after the split: its first script must run on every database, old or fresh.
CREATE TABLE later_module_things (id BIGINT PRIMARY KEY);
