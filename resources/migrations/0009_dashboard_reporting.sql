-- The dashboard (GET /v1/dashboard): revenue per day needs the moment money
-- arrived, and its time-bounded reads need indexes that work for one tenant
-- and for all of them (an administrator's view).

-- When an intent succeeded: the day its money counts for. updated_at moves
-- again on a refund or a refund flag, so it cannot say when the payment
-- happened; the trigger stamps the transition itself, from the updated_at
-- the same UPDATE sets (the server's injectable clock), whatever code
-- issues it. Set once: the state machine never re-enters succeeded.
ALTER TABLE payment_intents ADD COLUMN succeeded_at timestamptz;

CREATE FUNCTION payment_intents_stamp_success() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'succeeded' AND NEW.succeeded_at IS NULL
       AND (TG_OP = 'INSERT' OR OLD.status <> 'succeeded') THEN
        NEW.succeeded_at := NEW.updated_at;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER payment_intents_stamp_success BEFORE INSERT OR UPDATE OF status ON payment_intents
    FOR EACH ROW EXECUTE FUNCTION payment_intents_stamp_success();

-- Intents that succeeded before this migration: the audit row of the
-- transition (written in its transaction) says when; updated_at only when
-- that row is missing.
UPDATE payment_intents p
   SET succeeded_at = COALESCE(a.at, p.updated_at)
  FROM payment_intents q
  LEFT JOIN (SELECT resource, min(occurred_at) AS at FROM audit_log
              WHERE action = 'payment.succeeded' GROUP BY resource) a
         ON a.resource = 'payment_intent:' || q.id::text
 WHERE p.id = q.id AND p.status IN ('succeeded', 'partially_refunded', 'refunded');

CREATE INDEX payment_intents_succeeded ON payment_intents (succeeded_at)
    WHERE succeeded_at IS NOT NULL;

-- Departures by time across every tenant (slots_tenant_idx serves one tenant).
CREATE INDEX slots_starts_at ON slots (starts_at);
