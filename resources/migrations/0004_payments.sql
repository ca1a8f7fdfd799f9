-- Payments: intents at the providers, webhook deliveries (forensics) and
-- applied webhook events (exactly once).

-- A payment that succeeds after its hold expired is honoured when the seats
-- can be taken again (re-locked by the webhook path): expired -> paid.
CREATE OR REPLACE FUNCTION reservation_status_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = OLD.status THEN
        RETURN NEW;
    END IF;
    IF (OLD.status = 'pending_payment' AND NEW.status IN ('paid', 'expired', 'cancelled'))
       OR (OLD.status = 'expired' AND NEW.status = 'paid')
       OR (OLD.status = 'paid' AND NEW.status = 'refunded') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'reservation % cannot go from % to %', OLD.id, OLD.status, NEW.status
        USING ERRCODE = 'check_violation';
END
$$;

CREATE TABLE payment_intents (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid NOT NULL REFERENCES tenants (id),
    reservation_id  uuid NOT NULL REFERENCES reservations (id),
    provider        text NOT NULL CHECK (provider IN ('stripe', 'mercadopago', 'pix')),
    provider_ref    text CHECK (length(provider_ref) BETWEEN 1 AND 128), -- pi_..., preference id, txid
    provider_payment_ref text,   -- Mercado Pago: the payment id behind the preference
    status          text NOT NULL CHECK (status IN ('created', 'processing', 'succeeded', 'failed',
                                                    'canceled', 'partially_refunded', 'refunded')),
    amount_minor    bigint NOT NULL CHECK (amount_minor >= 0),
    currency        text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    refunded_minor  bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
    client_secret   text,
    checkout_url    text,
    pix_copy_paste  text,
    -- The money arrived but the seats were gone (hold expired and resold, or
    -- the reservation was cancelled): staff must refund it.
    needs_refund    boolean NOT NULL DEFAULT false,
    created_by      text NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (provider, provider_ref)
);
CREATE INDEX payment_intents_reservation_idx ON payment_intents (reservation_id);

-- Which intent paid the reservation: a refund of that intent refunds the
-- reservation; a refund of another (a double payment) does not.
ALTER TABLE reservations ADD COLUMN paid_by_intent uuid REFERENCES payment_intents (id);

-- The intent state machine in SQL (invariant 1): failed -> succeeded and every
-- other backwards move is refused whatever code issues the UPDATE.
CREATE FUNCTION payment_status_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = OLD.status THEN
        RETURN NEW; -- e.g. a second partial refund
    END IF;
    IF (OLD.status = 'created' AND NEW.status IN ('processing', 'succeeded', 'failed', 'canceled'))
       OR (OLD.status = 'processing' AND NEW.status IN ('succeeded', 'failed', 'canceled'))
       OR (OLD.status = 'succeeded' AND NEW.status IN ('partially_refunded', 'refunded'))
       OR (OLD.status = 'partially_refunded' AND NEW.status = 'refunded') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'payment intent % cannot go from % to %', OLD.id, OLD.status, NEW.status
        USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER payment_intents_status_guard BEFORE UPDATE OF status ON payment_intents
    FOR EACH ROW EXECUTE FUNCTION payment_status_guard();

-- Every delivery that reached a webhook route, accepted or rejected, with its
-- raw body and (redacted) headers, for forensics. A forged delivery is kept
-- here but never in webhook_events: its event id is not to be believed.
CREATE TABLE webhook_deliveries (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    provider           text NOT NULL CHECK (provider IN ('stripe', 'mercadopago', 'pix')),
    received_at        timestamptz NOT NULL,
    request_id         text,
    verification       text NOT NULL CHECK (verification IN
                           ('verified', 'bad_signature', 'stale', 'malformed', 'unauthenticated')),
    outcome            text NOT NULL CHECK (outcome IN
                           ('applied', 'duplicate', 'ignored', 'stale_state', 'unknown_intent',
                            'rejected_amount', 'rejected_currency', 'refund_required', 'rejected',
                            'invalid')),
    event_id           text CHECK (length(event_id) <= 200),
    payment_intent_id  uuid,
    http_status        integer NOT NULL,
    headers            jsonb NOT NULL DEFAULT '{}'::jsonb,
    body               bytea NOT NULL,
    detail             jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX webhook_deliveries_received_idx ON webhook_deliveries (received_at DESC, id DESC);

-- Verified provider events, applied at most once per (provider, event id)
-- (invariant 3): the unique key is what makes a duplicate a no-op, and
-- concurrent copies wait on it for the first to commit.
CREATE TABLE webhook_events (
    provider           text NOT NULL,
    event_id           text NOT NULL CHECK (length(event_id) BETWEEN 1 AND 200),
    delivery_id        uuid NOT NULL REFERENCES webhook_deliveries (id),
    payment_intent_id  uuid REFERENCES payment_intents (id),
    outcome            text NOT NULL,
    applied_at         timestamptz NOT NULL,
    PRIMARY KEY (provider, event_id)
);

GRANT SELECT, INSERT, UPDATE ON payment_intents TO reserva_app;
GRANT SELECT, INSERT, UPDATE ON webhook_deliveries TO reserva_app;
GRANT SELECT, INSERT ON webhook_events TO reserva_app;
