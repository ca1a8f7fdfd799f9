-- Promotions: codes per tenant, and the claims reservations make on them.

-- Whether a full refund of a paid reservation gives its promotion claims
-- back (a use and the discount return to the code's cap and budget). Off by
-- default: a campaign that closed after its last paid use does not reopen
-- because a customer was refunded, unless the tenant says so.
ALTER TABLE tenants ADD COLUMN promotion_release_on_refund boolean NOT NULL DEFAULT false;

CREATE TABLE promotions (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid NOT NULL REFERENCES tenants (id),
    -- Normalized to upper case at the edge: codes are case-insensitive.
    code                text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{2,31}$'),
    -- Exactly one of: a percentage in basis points (1250 = 12.5 %), or a
    -- fixed amount in minor units of `currency`.
    discount_percent_bp integer CHECK (discount_percent_bp BETWEEN 1 AND 10000),
    discount_minor      bigint CHECK (discount_minor > 0),
    currency            text CHECK (currency ~ '^[A-Z]{3}$'),
    product_ids         uuid[] NOT NULL DEFAULT '{}', -- empty: every product of the tenant
    valid_from          timestamptz NOT NULL,
    valid_until         timestamptz NOT NULL,          -- exclusive
    max_redemptions     integer CHECK (max_redemptions >= 0),
    per_customer_limit  integer CHECK (per_customer_limit >= 0),
    budget_minor        bigint CHECK (budget_minor >= 0),
    min_amount_minor    bigint NOT NULL DEFAULT 0 CHECK (min_amount_minor >= 0),
    stackable           boolean NOT NULL DEFAULT false,
    active              boolean NOT NULL DEFAULT true,
    -- Live claims and the sum of their discounts, changed only with this row
    -- locked, in the transaction that writes or releases the claim.
    redeemed            integer NOT NULL DEFAULT 0 CHECK (redeemed >= 0),
    discounted_minor    bigint NOT NULL DEFAULT 0 CHECK (discounted_minor >= 0),
    created_by          text NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CONSTRAINT promotions_one_discount CHECK ((discount_percent_bp IS NULL) <> (discount_minor IS NULL)),
    CONSTRAINT promotions_money_has_currency CHECK (currency IS NOT NULL OR
        (discount_minor IS NULL AND budget_minor IS NULL AND min_amount_minor = 0)),
    CONSTRAINT promotions_window CHECK (valid_from < valid_until)
);
CREATE UNIQUE INDEX promotions_tenant_code ON promotions (tenant_id, code);
CREATE INDEX promotions_code_order ON promotions (code, id);

-- One row per (promotion, reservation). A claim is live until released, and
-- released at most once: the release is a conditional UPDATE on
-- released_at IS NULL, under the reservation's slot lock.
CREATE TABLE promotion_claims (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid NOT NULL REFERENCES tenants (id),
    promotion_id    uuid NOT NULL REFERENCES promotions (id),
    reservation_id  uuid NOT NULL REFERENCES reservations (id),
    -- Lower-cased: the per-customer limit counts by email. PII like the
    -- reservation's own copy; never in logs or audit details.
    customer_email  text NOT NULL CHECK (length(customer_email) BETWEEN 3 AND 254),
    discount_minor  bigint NOT NULL CHECK (discount_minor >= 0),
    currency        text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    claimed_at      timestamptz NOT NULL,
    released_at     timestamptz,
    release_reason  text CHECK (release_reason IN ('expired', 'cancelled', 'refunded')),
    UNIQUE (promotion_id, reservation_id),
    CONSTRAINT promotion_claims_release CHECK ((released_at IS NULL) = (release_reason IS NULL))
);
CREATE INDEX promotion_claims_live_customer ON promotion_claims (promotion_id, customer_email)
    WHERE released_at IS NULL;
CREATE INDEX promotion_claims_live_reservation ON promotion_claims (reservation_id)
    WHERE released_at IS NULL;
CREATE INDEX promotion_claims_by_promotion ON promotion_claims (promotion_id, claimed_at DESC, id DESC);

-- The discount a reservation got: amount_minor = unit price x quantity - discount.
ALTER TABLE reservations ADD COLUMN discount_minor bigint NOT NULL DEFAULT 0
    CHECK (discount_minor >= 0);
ALTER TABLE reservations ADD CONSTRAINT reservations_amount_after_discount
    CHECK (amount_minor = unit_price_minor * quantity - discount_minor);

GRANT SELECT, INSERT, UPDATE ON promotions, promotion_claims TO reserva_app;
