-- The query string of every webhook delivery, kept for forensics beside its
-- headers and body: Mercado Pago's notification names its payment there
-- (?data.id=..&type=..), and the Pix callback URL carries the registered
-- secret (?hmac=), which the server redacts before it is stored.
ALTER TABLE webhook_deliveries ADD COLUMN query jsonb NOT NULL DEFAULT '{}'::jsonb;
