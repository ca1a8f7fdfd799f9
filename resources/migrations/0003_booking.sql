-- Booking: reservations holding seats, and idempotency records.

CREATE TABLE reservations (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id         uuid NOT NULL REFERENCES tenants (id),
    slot_id           uuid NOT NULL REFERENCES slots (id),
    product_id        uuid NOT NULL REFERENCES products (id),
    quantity          integer NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    -- Customer contact: PII, never in logs, tokens or audit details.
    customer_name     text NOT NULL CHECK (length(customer_name) BETWEEN 1 AND 200),
    customer_email    text NOT NULL CHECK (length(customer_email) BETWEEN 3 AND 254),
    customer_phone    text CHECK (length(customer_phone) <= 32),
    status            text NOT NULL CHECK (status IN
                          ('pending_payment', 'paid', 'expired', 'cancelled', 'refunded')),
    -- Computed by the server from the product price; never sent by a client.
    unit_price_minor  bigint NOT NULL CHECK (unit_price_minor >= 0),
    amount_minor      bigint NOT NULL CHECK (amount_minor >= 0),
    currency          text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    hold_expires_at   timestamptz,
    created_by        text NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CONSTRAINT reservations_hold_when_pending CHECK (status <> 'pending_payment' OR hold_expires_at IS NOT NULL)
);
CREATE INDEX reservations_live_by_slot ON reservations (slot_id) WHERE status IN ('pending_payment', 'paid');
CREATE INDEX reservations_holds_due ON reservations (hold_expires_at) WHERE status = 'pending_payment';
CREATE INDEX reservations_tenant_created ON reservations (tenant_id, created_at DESC, id DESC);
CREATE INDEX reservations_created ON reservations (created_at DESC, id DESC);
CREATE INDEX reservations_customer_email ON reservations (tenant_id, lower(customer_email));

-- The reservation state machine, enforced by the database as well as the
-- domain code: pending_payment -> paid | expired | cancelled; paid -> refunded.
-- Only the payments issue's webhook path may move a reservation to paid.
CREATE FUNCTION reservation_status_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = OLD.status THEN
        RETURN NEW;
    END IF;
    IF (OLD.status = 'pending_payment' AND NEW.status IN ('paid', 'expired', 'cancelled'))
       OR (OLD.status = 'paid' AND NEW.status = 'refunded') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'reservation % cannot go from % to %', OLD.id, OLD.status, NEW.status
        USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER reservations_status_guard BEFORE UPDATE OF status ON reservations
    FOR EACH ROW EXECUTE FUNCTION reservation_status_guard();

-- Idempotency records, scoped per client (the token's subject). The row is
-- claimed inside the request's own transaction, so a concurrent duplicate
-- waits for the first attempt to commit (then replays its answer) or roll back
-- (then runs itself); past the lock timeout it is told the first is in flight.
CREATE TABLE idempotency_keys (
    subject           text NOT NULL CHECK (length(subject) BETWEEN 1 AND 64),
    idempotency_key   text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    request_hash      bytea NOT NULL CHECK (length(request_hash) = 32),
    response_status   integer,
    response_type     text,
    response_body     bytea,
    created_at        timestamptz NOT NULL,
    PRIMARY KEY (subject, idempotency_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

GRANT SELECT, INSERT, UPDATE ON reservations TO reserva_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO reserva_app;
