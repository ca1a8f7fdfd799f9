-- The reservations change feed (GET /v1/reservations/changes), which the
-- desktop app polls to show a payment the moment its webhook lands.
--
-- Every insert or update stamps the row with the id of the transaction that
-- wrote it. A reader remembers the oldest transaction still running when it
-- last looked (pg_snapshot_xmin): every row written by a transaction at or
-- after that point is read again next time, so a write that commits late is
-- never skipped, whatever the clocks say. Rows written before this migration
-- keep 0: older than any cursor a reader can hold.
ALTER TABLE reservations ADD COLUMN change_xid xid8 NOT NULL DEFAULT '0';

CREATE FUNCTION reservations_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.change_xid := pg_current_xact_id();
    RETURN NEW;
END
$$;
CREATE TRIGGER reservations_stamp_change BEFORE INSERT OR UPDATE ON reservations
    FOR EACH ROW EXECUTE FUNCTION reservations_stamp_change();

CREATE INDEX reservations_tenant_changes ON reservations (tenant_id, change_xid, id);
CREATE INDEX reservations_changes ON reservations (change_xid, id);
