-- Platform: tenants, users, tokens, signing keys, throttling, audit.
-- Runs inside the migrator's single transaction.

-- The application's runtime role: not a superuser, owns nothing, and is
-- deliberately denied UPDATE and DELETE on the audit tables. On the managed
-- cluster reservad logs in as it directly (trust on the private socket), so
-- not even injected SQL could RESET ROLE to something stronger; on an external
-- server it has no password, and reservad switches to it with SET ROLE from
-- the role named in the database URL.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reserva_app') THEN
        CREATE ROLE reserva_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- created by a concurrent migration of another database on this cluster
END
$$;

DO $$
BEGIN
    IF NOT pg_has_role(current_user, 'reserva_app', 'MEMBER') THEN
        EXECUTE format('GRANT reserva_app TO %I', current_user);
    END IF;
END
$$;

CREATE TABLE tenants (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username        text NOT NULL CHECK (length(username) BETWEEN 3 AND 64),
    password_hash   text NOT NULL,
    roles           text[] NOT NULL CHECK (
                        cardinality(roles) >= 1
                        AND roles <@ ARRAY['admin', 'partner_manager', 'partner_staff', 'auditor']),
    tenant_id       uuid REFERENCES tenants (id),
    active          boolean NOT NULL DEFAULT true,
    -- Identity document, checked against the external verification API at
    -- every login. PII: never in tokens, logs or audit details.
    document_type   text CHECK (length(document_type) BETWEEN 1 AND 16),
    document_number text CHECK (length(document_number) BETWEEN 1 AND 32),
    identity_verified      boolean NOT NULL DEFAULT false,
    identity_checked_at    timestamptz,
    identity_check_outcome text CHECK (identity_check_outcome IN
                               ('verified', 'rejected', 'unavailable', 'not_configured')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    -- Partner roles belong to exactly one tenant; admin is global.
    CONSTRAINT users_partner_has_tenant CHECK (
        NOT (roles && ARRAY['partner_manager', 'partner_staff']) OR tenant_id IS NOT NULL),
    CONSTRAINT users_admin_is_global CHECK (
        NOT ('admin' = ANY (roles)) OR tenant_id IS NULL),
    -- verified only together with a check that said so (invariant 9)
    CONSTRAINT users_verified_needs_check CHECK (
        NOT identity_verified OR identity_check_outcome = 'verified')
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE INDEX users_tenant_idx ON users (tenant_id);

-- A login starts a token family; every refresh rotates within it. Presenting a
-- rotated refresh token again revokes the whole family (reuse detection).
CREATE TABLE token_families (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        uuid NOT NULL REFERENCES users (id),
    created_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoke_reason  text CHECK (revoke_reason IN ('logout', 'reuse_detected', 'user_disabled', 'admin'))
);
CREATE INDEX token_families_user_idx ON token_families (user_id);

CREATE TABLE refresh_tokens (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    family_id   uuid NOT NULL REFERENCES token_families (id),
    token_hash  bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32), -- SHA-256; the token itself is never stored
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    rotated_at  timestamptz
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);

-- Ed25519 signing keys, shared by every reservad instance on this database.
-- The private key is sealed (AES-256-GCM) under the master key, which never
-- reaches the database.
CREATE TABLE signing_keys (
    kid                 text PRIMARY KEY CHECK (length(kid) BETWEEN 8 AND 64),
    public_key          bytea NOT NULL CHECK (length(public_key) = 32),
    private_key_sealed  bytea NOT NULL,
    created_at          timestamptz NOT NULL,
    retired_at          timestamptz, -- stops signing
    verify_until        timestamptz  -- stops verifying and leaves the JWKS
);
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys ((true)) WHERE retired_at IS NULL;

-- Fixed-window counters for throttling, shared by every instance. UNLOGGED:
-- losing them in a crash only resets the windows.
CREATE UNLOGGED TABLE throttle_counters (
    bucket        text PRIMARY KEY,
    window_start  timestamptz NOT NULL,
    hits          integer NOT NULL
);

-- Audit: append-only. Rows are written in the action's own transaction; the
-- sealer links them into the hash chain afterwards, in commit order.
CREATE TABLE audit_log (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  timestamptz NOT NULL,
    actor        text CHECK (length(actor) <= 64),
    tenant_id    uuid,
    action       text NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
    resource     text CHECK (length(resource) <= 128),
    outcome      text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied', 'error')),
    request_id   text CHECK (length(request_id) <= 64),
    detail       jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(detail) = 'object')
);
CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor);
CREATE INDEX audit_log_tenant_idx ON audit_log (tenant_id);
CREATE INDEX audit_log_action_idx ON audit_log (action);
CREATE INDEX audit_log_resource_idx ON audit_log (resource);

CREATE TABLE audit_chain (
    position   bigint PRIMARY KEY CHECK (position >= 1),
    audit_id   bigint NOT NULL UNIQUE REFERENCES audit_log (id),
    prev_hash  bytea NOT NULL CHECK (length(prev_hash) = 32),
    hash       bytea NOT NULL CHECK (length(hash) = 32),
    sealed_at  timestamptz NOT NULL DEFAULT now()
);

-- Work queue of rows not yet chained, filled by a trigger so no writer can
-- forget it; the sealer deletes what it has chained.
CREATE TABLE audit_pending (
    audit_id  bigint PRIMARY KEY REFERENCES audit_log (id)
);

CREATE FUNCTION audit_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_pending (audit_id) VALUES (NEW.id);
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_log_enqueue AFTER INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_enqueue();

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit tables are append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

REVOKE ALL ON audit_log, audit_chain, audit_pending FROM PUBLIC;
GRANT SELECT, INSERT ON audit_log, audit_chain TO reserva_app;
GRANT SELECT, INSERT, DELETE ON audit_pending TO reserva_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON tenants, users, token_families, refresh_tokens,
    signing_keys, throttle_counters TO reserva_app;
GRANT SELECT ON schema_migrations TO reserva_app;
