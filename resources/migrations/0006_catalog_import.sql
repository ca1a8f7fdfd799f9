-- Transfers as a structured contract, and catalog import from providers' feeds.

-- A transfer product says what kind of ride it is; no other product may.
-- Transfers created before this migration get a kind from their name and
-- description (the words used for airports and ports in en/es/pt), else
-- hotel_to_hotel, the kind that asks nothing beyond the common fields; staff
-- can correct it with PATCH /v1/products/{id}.
ALTER TABLE products ADD COLUMN transfer_kind text
    CHECK (transfer_kind IN ('airport_pickup', 'hotel_to_hotel', 'port_transfer'));
UPDATE products SET transfer_kind = CASE
        WHEN (name || ' ' || description) ~* '(airport|aeropuerto|aeroporto|aeroparque|ezeiza)'
            THEN 'airport_pickup'
        WHEN (name || ' ' || description) ~* '(\mport\M|\mpuerto\M|\mporto\M|cruise|crucero|cruzeiro)'
            THEN 'port_transfer'
        ELSE 'hotel_to_hotel'
    END
    WHERE kind = 'transfer';
ALTER TABLE products ADD CONSTRAINT products_transfer_kind_fits
    CHECK ((kind = 'transfer') = (transfer_kind IS NOT NULL));

-- A reservation of a transfer carries its validated, normalized trf_detail
-- (shared/contract/transferdetail.h); other reservations carry none.
ALTER TABLE reservations ADD COLUMN trf_detail jsonb
    CHECK (trf_detail IS NULL OR jsonb_typeof(trf_detail) = 'object');

-- Imported products and slots remember where they came from, so importing
-- the same feed again updates them instead of adding copies. A provider's
-- external ids are unique within a tenant; slot ids within that provider.
ALTER TABLE products
    ADD COLUMN import_provider text CHECK (import_provider ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    ADD COLUMN external_id text CHECK (length(external_id) BETWEEN 1 AND 128),
    ADD CONSTRAINT products_external_ref_whole
        CHECK ((import_provider IS NULL) = (external_id IS NULL));
CREATE UNIQUE INDEX products_external_ref ON products (tenant_id, import_provider, external_id)
    WHERE external_id IS NOT NULL;

ALTER TABLE slots
    ADD COLUMN import_provider text CHECK (import_provider ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    ADD COLUMN external_id text CHECK (length(external_id) BETWEEN 1 AND 128),
    ADD CONSTRAINT slots_external_ref_whole
        CHECK ((import_provider IS NULL) = (external_id IS NULL));
CREATE UNIQUE INDEX slots_external_ref ON slots (tenant_id, import_provider, external_id)
    WHERE external_id IS NOT NULL;

-- The tables were granted whole in 0002 and 0003 (SELECT, INSERT, UPDATE):
-- the new columns are covered; restated so this migration reads on its own.
GRANT SELECT, INSERT, UPDATE ON products, slots, reservations TO reserva_app;
