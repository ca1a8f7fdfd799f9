-- Catalog: products and their dated slots (the booking issue adds reservations).

CREATE TABLE products (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind         text NOT NULL CHECK (kind IN ('tour', 'excursion', 'transfer', 'package')),
    description  text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    price_minor  bigint NOT NULL CHECK (price_minor BETWEEN 0 AND 1000000000000),
    currency     text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    active       boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX products_tenant_idx ON products (tenant_id, name);

CREATE TABLE slots (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    product_id        uuid NOT NULL REFERENCES products (id),
    tenant_id         uuid NOT NULL REFERENCES tenants (id),
    starts_at         timestamptz NOT NULL,
    duration_minutes  integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 10080),
    capacity          integer NOT NULL CHECK (capacity BETWEEN 0 AND 100000),
    -- Held and sold seats, changed only under SELECT ... FOR UPDATE on this row.
    seats_taken       integer NOT NULL DEFAULT 0 CHECK (seats_taken >= 0 AND seats_taken <= capacity),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX slots_product_idx ON slots (product_id, starts_at);
CREATE INDEX slots_tenant_idx ON slots (tenant_id, starts_at);

GRANT SELECT, INSERT, UPDATE, DELETE ON products, slots TO reserva_app;
