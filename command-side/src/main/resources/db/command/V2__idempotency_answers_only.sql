-- Issue #23: a key is no longer claimed by a row written before its command runs, which a dead connection could
-- leave behind for a minute. The command's own transaction takes a transaction-scoped advisory lock on the key, which
-- PostgreSQL releases with that transaction however it ends, and writes the answer row in it: a new row is always an
-- answer. claim_token and claimed_at are written only by nodes of the design before; they become optional so that
-- such nodes keep working next to new ones during an upgrade (a row without status is a claim of theirs, which the
-- new design treats as absent; an answer of either design is final for both). A later version drops them.
ALTER TABLE idempotency_keys ALTER COLUMN claim_token DROP NOT NULL, ALTER COLUMN claimed_at DROP NOT NULL;
