-- Times that page cursors are made of are kept to the millisecond, the
-- precision the server's clock and its wire format (RFC 3339 with ms) have.
-- A row written with microseconds (by SQL's now(), an import, a restore)
-- would otherwise come back in a cursor rounded to the millisecond and be
-- listed twice, or skipped, at a page boundary.
ALTER TABLE reservations ALTER COLUMN created_at TYPE timestamptz(3);
ALTER TABLE slots ALTER COLUMN starts_at TYPE timestamptz(3);
ALTER TABLE promotion_claims ALTER COLUMN claimed_at TYPE timestamptz(3);
