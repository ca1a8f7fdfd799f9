// Upgrades and backups. From EVERY earlier schema version to the latest, with
// rows of every kind that version has: nothing is lost or changed, and the
// latest version's invariants hold for the old rows. And `reservad backup` /
// `reservad restore` through the binary: a restored copy is the same data; a
// refused or failed restore changes nothing; the backup file is 0600.
#include "audit/auditchain.h"
#include "db/dbconnection.h"
#include "db/localpostgres.h"
#include "db/migrator.h"
#include "reservadprocess.h"
#include "testcluster.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <memory>
#include <sys/stat.h>

using namespace reserva;

namespace {

// Fixed ids, so rows of one table can name rows of another.
const QString kTenant1 = QStringLiteral("10000000-0000-0000-0000-000000000001");
const QString kTenant2 = QStringLiteral("10000000-0000-0000-0000-000000000002");
const QString kIntentSucceeded = QStringLiteral("50000000-0000-0000-0000-000000000001");
// When the audit row says I1 succeeded (0009 back-fills succeeded_at from it).
const QString kIntentSucceededAuditAt = QStringLiteral("2026-02-01 10:04:59.250");

// An open connection on the calling thread, removed when it goes out of scope.
class Connection
{
public:
    explicit Connection(const ConnectionSettings &s)
        : m_name(QStringLiteral("upg-") + QUuid::createUuid().toString())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        s.applyTo(db);
        if (!db.open())
            qFatal("connect: %s", qPrintable(db.lastError().text()));
    }
    ~Connection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    // Runs one statement; an empty string on success, else the error.
    QString exec(const QString &sql, const QVariantList &params = {}) const
    {
        QSqlQuery q(db());
        q.prepare(sql);
        for (const QVariant &p : params)
            q.addBindValue(p);
        return q.exec() ? QString() : q.lastError().text() + QStringLiteral(" in: ") + sql;
    }
    QVariant scalar(const QString &sql, const QVariantList &params = {}) const
    {
        QSqlQuery q(db());
        q.prepare(sql);
        for (const QVariant &p : params)
            q.addBindValue(p);
        if (!q.exec() || !q.next())
            qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return q.value(0);
    }

private:
    QString m_name;
};

// Rows valid at schema `version`, written with plain SQL as that version's
// server would have left them: every table of that version gets some, the
// reservations and intents in several states. Times carry milliseconds at
// most (0010 keeps cursor times to the millisecond). Returns an error, or "".
QString seedAtVersion(const Connection &c, int version)
{
    QStringList sql;
    // 0001: platform.
    sql << QStringLiteral("INSERT INTO tenants (id, slug, name, created_at) VALUES"
                          " ('%1', 'acme', 'Acme Tours', '2026-01-05 10:00:00.123+00'),"
                          " ('%2', 'beta', 'Beta Trips', '2026-01-06 11:00:00.456+00')")
               .arg(kTenant1, kTenant2)
        << QStringLiteral(
               "INSERT INTO users (id, username, password_hash, roles, tenant_id, active,"
               " document_type, document_number, identity_verified, identity_checked_at,"
               " identity_check_outcome, created_at, updated_at) VALUES"
               " ('20000000-0000-0000-0000-000000000001', 'root-admin', '$argon2id$x', "
               "  ARRAY['admin'], NULL, true, NULL, NULL, false, NULL, NULL,"
               "  '2026-01-05 10:01:00+00', '2026-01-05 10:01:00+00'),"
               " ('20000000-0000-0000-0000-000000000002', 'acme.manager', '$argon2id$y',"
               "  ARRAY['partner_manager'], '%1', true, 'passport', 'X1234567', true,"
               "  '2026-01-07 09:00:00+00', 'verified', '2026-01-05 10:02:00+00',"
               "  '2026-01-07 09:00:00+00'),"
               " ('20000000-0000-0000-0000-000000000003', 'beta.staff', '$argon2id$z',"
               "  ARRAY['partner_staff', 'auditor'], '%2', false, 'dni', '30111222', false,"
               "  '2026-01-08 09:00:00+00', 'unavailable', '2026-01-06 11:05:00+00',"
               "  '2026-01-08 09:00:00+00')")
               .arg(kTenant1, kTenant2)
        << QStringLiteral(
               "INSERT INTO token_families (id, user_id, created_at, revoked_at, revoke_reason)"
               " VALUES ('30000000-0000-0000-0000-000000000001',"
               "  '20000000-0000-0000-0000-000000000002', '2026-01-07 09:00:00+00', NULL, NULL),"
               " ('30000000-0000-0000-0000-000000000002', '20000000-0000-0000-0000-000000000003',"
               "  '2026-01-08 09:00:00+00', '2026-01-08 10:00:00+00', 'reuse_detected')")
        << QStringLiteral(
               "INSERT INTO refresh_tokens (family_id, token_hash, issued_at, expires_at,"
               " rotated_at) VALUES"
               " ('30000000-0000-0000-0000-000000000001', sha256('one'::bytea),"
               "  '2026-01-07 09:00:00+00', '2026-02-07 09:00:00+00', '2026-01-07 09:10:00+00'),"
               " ('30000000-0000-0000-0000-000000000001', sha256('two'::bytea),"
               "  '2026-01-07 09:10:00+00', '2026-02-07 09:10:00+00', NULL)")
        << QStringLiteral(
               "INSERT INTO signing_keys (kid, public_key, private_key_sealed, created_at,"
               " retired_at, verify_until) VALUES"
               " ('kid-0000-retired', sha256('old'::bytea), '\\x0a0b0c'::bytea,"
               "  '2026-01-01 00:00:00+00', '2026-01-05 00:00:00+00', '2026-01-05 00:20:00+00'),"
               " ('kid-0001-current', sha256('new'::bytea), '\\x0d0e0f'::bytea,"
               "  '2026-01-05 00:00:00+00', NULL, NULL)")
        << QStringLiteral("INSERT INTO throttle_counters (bucket, window_start, hits) VALUES"
                          " ('login:203.0.113.9', '2026-01-07 09:00:00+00', 3)")
        << QStringLiteral(
               "INSERT INTO audit_log (occurred_at, actor, tenant_id, action, resource, outcome,"
               " request_id, detail) VALUES"
               " ('2026-01-05 10:00:00.123+00', 'cli', '%1', 'tenant.create', 'tenant:%1',"
               "  'success', NULL, '{\"slug\": \"acme\"}'),"
               " ('2026-01-05 10:02:00+00', 'cli', '%1', 'user.create',"
               "  'user:20000000-0000-0000-0000-000000000002', 'success', NULL,"
               "  '{\"roles\": [\"partner_manager\"]}'),"
               " ('2026-01-07 08:59:00.5+00', 'acme.manager', '%1', 'auth.login', NULL,"
               "  'failure', 'req-1', '{}'),"
               " ('2026-01-08 10:00:00+00', 'beta.staff', '%2', 'auth.refresh', NULL, 'denied',"
               "  'req-2', '{\"reason\": \"reuse\"}')")
               .arg(kTenant1, kTenant2);
    if (version >= 2) {
        sql << QStringLiteral(
                   "INSERT INTO products (id, tenant_id, name, kind, description, price_minor,"
                   " currency, active, created_at, updated_at) VALUES"
                   " ('40000000-0000-0000-0000-000000000001', '%1', 'City walking tour', 'tour',"
                   "  'Old town, 2 h', 2500, 'USD', true, '2026-01-10 00:00:00+00',"
                   "  '2026-01-10 00:00:00+00'),"
                   " ('40000000-0000-0000-0000-000000000003', '%2', 'Delta excursion',"
                   "  'excursion', 'Boat', 9000, 'ARS', false, '2026-01-10 00:00:00+00',"
                   "  '2026-01-11 00:00:00+00')")
                   .arg(kTenant1, kTenant2);
        // A transfer needs a kind from 0006 on; before, 0006 guesses it.
        sql << (version >= 6
                    ? QStringLiteral(
                          "INSERT INTO products (id, tenant_id, name, kind, description,"
                          " price_minor, currency, created_at, updated_at, transfer_kind) VALUES"
                          " ('40000000-0000-0000-0000-000000000002', '%1',"
                          "  'Ezeiza airport shuttle', 'transfer', '', 4000, 'USD',"
                          "  '2026-01-10 00:00:00+00', '2026-01-10 00:00:00+00', "
                          "'airport_pickup')")
                    : QStringLiteral("INSERT INTO products (id, tenant_id, name, kind, description,"
                                     " price_minor, currency, created_at, updated_at) VALUES"
                                     " ('40000000-0000-0000-0000-000000000002', '%1',"
                                     "  'Ezeiza airport shuttle', 'transfer', '', 4000, 'USD',"
                                     "  '2026-01-10 00:00:00+00', '2026-01-10 00:00:00+00')"))
                   .arg(kTenant1);
        sql << QStringLiteral(
                   "INSERT INTO slots (id, product_id, tenant_id, starts_at, duration_minutes,"
                   " capacity, seats_taken, created_at, updated_at) VALUES"
                   " ('41000000-0000-0000-0000-000000000001', "
                   "  '40000000-0000-0000-0000-000000000001', '%1', '2026-06-01 09:00:00.250+00',"
                   "  120, 20, 6, '2026-01-10 00:00:00+00', '2026-01-10 00:00:00+00'),"
                   " ('41000000-0000-0000-0000-000000000002',"
                   "  '40000000-0000-0000-0000-000000000002', '%1', '2026-06-02 14:30:00+00', 60,"
                   "  4, 1, '2026-01-10 00:00:00+00', '2026-01-10 00:00:00+00'),"
                   " ('41000000-0000-0000-0000-000000000003',"
                   "  '40000000-0000-0000-0000-000000000003', '%2', '2026-06-03 08:00:00.999+00',"
                   "  480, 10, 2, '2026-01-10 00:00:00+00', '2026-01-10 00:00:00+00')")
                   .arg(kTenant1, kTenant2);
    }
    if (version >= 3) {
        // One reservation in every state; amounts = unit price x quantity.
        sql << QStringLiteral(
                   "INSERT INTO reservations (id, tenant_id, slot_id, product_id, quantity,"
                   " customer_name, customer_email, customer_phone, status, unit_price_minor,"
                   " amount_minor, currency, hold_expires_at, created_by, created_at, updated_at)"
                   " VALUES"
                   " ('42000000-0000-0000-0000-000000000001', '%1',"
                   "  '41000000-0000-0000-0000-000000000001', "
                   "  '40000000-0000-0000-0000-000000000001', 2, 'Ana Pending', 'ana@example.com',"
                   "  NULL, 'pending_payment', 2500, 5000, 'USD', '2026-02-01 10:15:00+00', 'u2',"
                   "  '2026-02-01 10:00:00.001+00', '2026-02-01 10:00:00.001+00'),"
                   " ('42000000-0000-0000-0000-000000000002', '%1',"
                   "  '41000000-0000-0000-0000-000000000001',"
                   "  '40000000-0000-0000-0000-000000000001', 3, 'Bruno Paid', 'bruno@example.com',"
                   "  '+5491100000000', 'paid', 2500, 7500, 'USD', NULL, 'u2',"
                   "  '2026-02-01 10:00:00.002+00', '2026-02-01 10:05:00.500+00'),"
                   " ('42000000-0000-0000-0000-000000000003', '%1',"
                   "  '41000000-0000-0000-0000-000000000001',"
                   "  '40000000-0000-0000-0000-000000000001', 1, 'Carla Expired',"
                   "  'carla@example.com', NULL, 'expired', 2500, 2500, 'USD',"
                   "  '2026-02-01 10:15:00+00', 'u2', '2026-02-01 10:00:00.003+00',"
                   "  '2026-02-01 10:16:00+00'),"
                   " ('42000000-0000-0000-0000-000000000004', '%1',"
                   "  '41000000-0000-0000-0000-000000000002',"
                   "  '40000000-0000-0000-0000-000000000002', 1, 'Dora Cancelled',"
                   "  'dora@example.com', NULL, 'cancelled', 4000, 4000, 'USD', NULL, 'u2',"
                   "  '2026-02-01 10:00:00.004+00', '2026-02-01 11:00:00+00'),"
                   " ('42000000-0000-0000-0000-000000000005', '%1',"
                   "  '41000000-0000-0000-0000-000000000002',"
                   "  '40000000-0000-0000-0000-000000000002', 1, 'Eva Refunded',"
                   "  'eva@example.com', NULL, 'refunded', 4000, 4000, 'USD', NULL, 'u2',"
                   "  '2026-02-01 10:00:00.005+00', '2026-02-02 11:00:00+00'),"
                   " ('42000000-0000-0000-0000-000000000006', '%2',"
                   "  '41000000-0000-0000-0000-000000000003',"
                   "  '40000000-0000-0000-0000-000000000003', 2, 'Fede Paid', 'fede@example.com',"
                   "  NULL, 'paid', 9000, 18000, 'ARS', NULL, 'u3', '2026-02-01 10:00:00.006+00',"
                   "  '2026-02-01 12:00:00+00')")
                   .arg(kTenant1, kTenant2)
            << QStringLiteral(
                   "INSERT INTO idempotency_keys (subject, idempotency_key, request_hash,"
                   " response_status, response_type, response_body, created_at) VALUES"
                   " ('20000000-0000-0000-0000-000000000002', 'key-1', sha256('req1'::bytea),"
                   "  201, 'application/json', '{\"id\": 1}'::bytea, '2026-02-01 10:00:00+00'),"
                   " ('20000000-0000-0000-0000-000000000002', 'key-2', sha256('req2'::bytea),"
                   "  NULL, NULL, NULL, '2026-02-01 10:00:01+00')");
    }
    if (version >= 4) {
        sql << QStringLiteral(
                   "INSERT INTO payment_intents (id, tenant_id, reservation_id, provider,"
                   " provider_ref, provider_payment_ref, status, amount_minor, currency,"
                   " refunded_minor, client_secret, checkout_url, pix_copy_paste, needs_refund,"
                   " created_by, created_at, updated_at) VALUES"
                   " ('%3', '%1', '42000000-0000-0000-0000-000000000002', 'stripe', 'pi_1', NULL,"
                   "  'succeeded', 7500, 'USD', 0, 'pi_1_secret', NULL, NULL, false, 'u2',"
                   "  '2026-02-01 10:01:00+00', '2026-02-01 10:05:00.500+00'),"
                   " ('50000000-0000-0000-0000-000000000002', '%1',"
                   "  '42000000-0000-0000-0000-000000000001', 'mercadopago', 'pref-2', NULL,"
                   "  'failed', 5000, 'USD', 0, NULL, 'https://mp.example/checkout/2', NULL, false,"
                   "  'u2', '2026-02-01 10:01:00+00', '2026-02-01 10:03:00+00'),"
                   " ('50000000-0000-0000-0000-000000000003', '%1',"
                   "  '42000000-0000-0000-0000-000000000001', 'pix', 'txid3', NULL, 'created',"
                   "  5000, 'USD', 0, NULL, NULL, '00020126580014br.gov.bcb.pix', false, 'u2',"
                   "  '2026-02-01 10:04:00+00', '2026-02-01 10:04:00+00'),"
                   " ('50000000-0000-0000-0000-000000000004', '%1',"
                   "  '42000000-0000-0000-0000-000000000005', 'stripe', 'pi_4', NULL, 'refunded',"
                   "  4000, 'USD', 4000, 'pi_4_secret', NULL, NULL, false, 'u2',"
                   "  '2026-02-01 10:01:00+00', '2026-02-02 11:00:00+00'),"
                   " ('50000000-0000-0000-0000-000000000005', '%2',"
                   "  '42000000-0000-0000-0000-000000000006', 'mercadopago', 'pref-5', 'pay-5',"
                   "  'partially_refunded', 18000, 'ARS', 1000, NULL, NULL, NULL, false, 'u3',"
                   "  '2026-02-01 10:01:00+00', '2026-02-03 12:00:00+00'),"
                   " ('50000000-0000-0000-0000-000000000006', '%1',"
                   "  '42000000-0000-0000-0000-000000000003', 'pix', 'txid6', NULL, 'succeeded',"
                   "  2500, 'USD', 0, NULL, NULL, NULL, true, 'u2', '2026-02-01 10:01:00+00',"
                   "  '2026-02-01 10:20:00+00')")
                   .arg(kTenant1, kTenant2, kIntentSucceeded)
            << QStringLiteral(
                   "UPDATE reservations r SET paid_by_intent = p.id FROM payment_intents p"
                   " WHERE p.reservation_id = r.id AND r.status IN ('paid', 'refunded')")
            << QStringLiteral("INSERT INTO audit_log (occurred_at, actor, tenant_id, action,"
                              " resource, outcome, request_id, detail) VALUES"
                              " ('%3+00', 'webhook:stripe', '%1', 'payment.succeeded',"
                              "  'payment_intent:%2', 'success', 'req-3', '{}')")
                   .arg(kTenant1, kIntentSucceeded, kIntentSucceededAuditAt)
            << QStringLiteral(
                   "INSERT INTO webhook_deliveries (id, provider, received_at, request_id,"
                   " verification, outcome, event_id, payment_intent_id, http_status, headers,"
                   " body, detail) VALUES"
                   " ('51000000-0000-0000-0000-000000000001', 'stripe', '2026-02-01 10:05:00+00',"
                   "  'req-3', 'verified', 'applied', 'evt_1', '%1', 200,"
                   "  '{\"stripe-signature\": \"[redacted]\"}', '{\"id\": \"evt_1\"}'::bytea,"
                   "  '{}'),"
                   " ('51000000-0000-0000-0000-000000000002', 'stripe', '2026-02-01 10:06:00+00',"
                   "  'req-4', 'bad_signature', 'rejected', NULL, NULL, 400, '{}',"
                   "  'forged'::bytea, '{\"why\": \"signature\"}'),"
                   " ('51000000-0000-0000-0000-000000000003', 'mercadopago',"
                   "  '2026-02-03 12:00:00+00', 'req-5', 'verified', 'applied', 'mp-9',"
                   "  '50000000-0000-0000-0000-000000000005', 200, '{}', '{}'::bytea, '{}')")
                   .arg(kIntentSucceeded)
            << QStringLiteral(
                   "INSERT INTO webhook_events (provider, event_id, delivery_id,"
                   " payment_intent_id, outcome, applied_at) VALUES"
                   " ('stripe', 'evt_1', '51000000-0000-0000-0000-000000000001', '%1', 'applied',"
                   "  '2026-02-01 10:05:00.500+00'),"
                   " ('mercadopago', 'mp-9', '51000000-0000-0000-0000-000000000003',"
                   "  '50000000-0000-0000-0000-000000000005', 'applied', '2026-02-03 12:00:00+00')")
                   .arg(kIntentSucceeded);
    }
    if (version >= 5) {
        sql << QStringLiteral("UPDATE tenants SET promotion_release_on_refund = true WHERE id = ?")
            << QStringLiteral(
                   "INSERT INTO promotions (id, tenant_id, code, discount_percent_bp,"
                   " discount_minor, currency, product_ids, valid_from, valid_until,"
                   " max_redemptions, per_customer_limit, budget_minor, min_amount_minor,"
                   " stackable, active, redeemed, discounted_minor, created_by, created_at,"
                   " updated_at) VALUES"
                   " ('60000000-0000-0000-0000-000000000001', '%1', 'SUMMER10', 1000, NULL, NULL,"
                   "  ARRAY['40000000-0000-0000-0000-000000000001']::uuid[],"
                   "  '2026-01-01 00:00:00+00', '2026-03-01 00:00:00+00', 100, 1, NULL, 0, false,"
                   "  true, 1, 750, 'u2', '2026-01-01 00:00:00+00', '2026-02-01 10:00:00+00'),"
                   " ('60000000-0000-0000-0000-000000000002', '%1', 'FIXED5', NULL, 500, 'USD',"
                   "  '{}', '2026-01-01 00:00:00+00', '2026-12-31 00:00:00+00', NULL, NULL,"
                   "  10000, 1000, true, false, 0, 0, 'u2', '2026-01-01 00:00:00+00',"
                   "  '2026-01-02 00:00:00+00')")
                   .arg(kTenant1)
            << QStringLiteral(
                   "INSERT INTO promotion_claims (id, tenant_id, promotion_id, reservation_id,"
                   " customer_email, discount_minor, currency, claimed_at, released_at,"
                   " release_reason) VALUES"
                   " ('61000000-0000-0000-0000-000000000001', '%1',"
                   "  '60000000-0000-0000-0000-000000000001',"
                   "  '42000000-0000-0000-0000-000000000002', 'bruno@example.com', 750, 'USD',"
                   "  '2026-02-01 10:00:00.321+00', NULL, NULL),"
                   " ('61000000-0000-0000-0000-000000000002', '%1',"
                   "  '60000000-0000-0000-0000-000000000002',"
                   "  '42000000-0000-0000-0000-000000000003', 'carla@example.com', 500, 'USD',"
                   "  '2026-02-01 10:00:00.654+00', '2026-02-01 10:16:00+00', 'expired')")
                   .arg(kTenant1)
            << QStringLiteral("UPDATE reservations SET discount_minor = 750, amount_minor = 6750"
                              " WHERE id = '42000000-0000-0000-0000-000000000002'");
    }
    if (version >= 6) {
        sql << QStringLiteral(
                   "UPDATE products SET import_provider = 'feedco', external_id = 'EXT-1'"
                   " WHERE id = '40000000-0000-0000-0000-000000000003'")
            << QStringLiteral("UPDATE slots SET import_provider = 'feedco', external_id = 'SL-1'"
                              " WHERE id = '41000000-0000-0000-0000-000000000003'")
            << QStringLiteral("UPDATE reservations SET trf_detail = '{\"kind\": \"airport_pickup\","
                              " \"flight_number\": \"AR1234\"}' WHERE product_id ="
                              " '40000000-0000-0000-0000-000000000002'");
    }
    if (version >= 7) {
        sql << QStringLiteral("UPDATE webhook_deliveries SET query = '{\"data.id\": \"pay-5\","
                              " \"type\": \"payment\"}'"
                              " WHERE id = '51000000-0000-0000-0000-000000000003'");
    }
    if (version >= 9) {
        // From 0009 the trigger stamps succeeded_at on the way to succeeded;
        // intents refunded since went through it.
        sql << QStringLiteral(
            "UPDATE payment_intents SET succeeded_at = updated_at"
            " WHERE status IN ('partially_refunded', 'refunded') AND succeeded_at IS NULL");
    }
    for (const QString &statement : std::as_const(sql)) {
        const QVariantList params =
            statement.contains(u'?') ? QVariantList{kTenant2} : QVariantList{};
        const QString error = c.exec(statement, params);
        if (!error.isEmpty())
            return error;
    }
    return {};
}

// table -> its columns, for every table in public but schema_migrations.
using TableColumns = QMap<QString, QStringList>;

TableColumns tableColumns(const Connection &c)
{
    TableColumns out;
    QSqlQuery q(c.db());
    if (!q.exec(QStringLiteral(
            "SELECT c.table_name, c.column_name FROM information_schema.columns c"
            " JOIN information_schema.tables t USING (table_schema, table_name)"
            " WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'"
            " AND c.table_name <> 'schema_migrations' ORDER BY c.table_name, c.ordinal_position")))
        qFatal("columns: %s", qPrintable(q.lastError().text()));
    while (q.next())
        out[q.value(0).toString()] << q.value(1).toString();
    return out;
}

// table -> "rows:md5 of the sorted rows' text" over `columns`: a row lost,
// added or changed in any of those columns changes it.
QMap<QString, QString> snapshot(const Connection &c, const TableColumns &columns)
{
    QMap<QString, QString> out;
    for (auto it = columns.cbegin(); it != columns.cend(); ++it) {
        QStringList quoted;
        for (const QString &column : it.value())
            quoted << u'"' + column + u'"'; // names from the catalog, not from input
        QSqlQuery q(c.db());
        const QString sql =
            QStringLiteral("SELECT count(*), COALESCE(md5(string_agg(r, E'\\n' ORDER BY r)), '')"
                           " FROM (SELECT ROW(%1)::text AS r FROM \"%2\") s")
                .arg(quoted.join(QStringLiteral(", ")), it.key());
        if (!q.exec(sql) || !q.next())
            qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        out.insert(it.key(), q.value(0).toString() + u':' + q.value(1).toString());
    }
    return out;
}

// The differences between two snapshots, "" when equal.
QString compareSnapshots(const QMap<QString, QString> &before, const QMap<QString, QString> &after)
{
    QStringList diffs;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (after.value(it.key()) != it.value())
            diffs
                << QStringLiteral("%1: %2 -> %3").arg(it.key(), it.value(), after.value(it.key()));
    }
    return diffs.join(QStringLiteral("; "));
}

DbSessionOptions appSession(const ConnectionSettings &settings)
{
    DbSessionOptions options;
    options.settings = settings;
    return options;
}

// The latest version's invariants over old rows; "" when they hold.
QString latestInvariantsHold(const Connection &c, const ConnectionSettings &settings, int seededAt)
{
    const QList<Migration> all = Migrator::compiledMigrations();
    if (c.scalar(QStringLiteral("SELECT count(*) FROM schema_migrations")).toInt() != all.size())
        return QStringLiteral("not every migration is recorded");
    // 0008: rows written before it keep change_xid 0, and a write stamps one.
    const qint64 stamped =
        c.scalar(QStringLiteral("SELECT count(*) FROM reservations WHERE change_xid <> '0'"))
            .toLongLong();
    const qint64 reservations =
        c.scalar(QStringLiteral("SELECT count(*) FROM reservations")).toLongLong();
    if (stamped != (seededAt >= 8 ? reservations : 0))
        return QStringLiteral("change_xid: %1 of %2 rows stamped").arg(stamped).arg(reservations);
    if (seededAt >= 3) {
        QString error =
            c.exec(QStringLiteral("UPDATE reservations SET updated_at = updated_at"
                                  " WHERE id = '42000000-0000-0000-0000-000000000001'"));
        if (!error.isEmpty())
            return error;
        if (c.scalar(QStringLiteral("SELECT change_xid <> '0' FROM reservations"
                                    " WHERE id = '42000000-0000-0000-0000-000000000001'"))
                .toBool() != true)
            return QStringLiteral("an update did not stamp change_xid");
    }
    // 0009: every intent that reached succeeded has succeeded_at; I1 from its
    // audit row when it predates 0009, the others from updated_at.
    if (seededAt >= 4) {
        QSqlQuery q(c.db());
        if (!q.exec(QStringLiteral(
                "SELECT id::text, status, to_char(succeeded_at AT TIME ZONE 'UTC',"
                " 'YYYY-MM-DD HH24:MI:SS.MS'), to_char(updated_at AT TIME ZONE 'UTC',"
                " 'YYYY-MM-DD HH24:MI:SS.MS') FROM payment_intents ORDER BY id")))
            return q.lastError().text();
        while (q.next()) {
            const QString id = q.value(0).toString();
            const QString status = q.value(1).toString();
            const QString succeededAt = q.value(2).toString();
            const bool reached =
                status == u"succeeded" || status == u"partially_refunded" || status == u"refunded";
            QString expected;
            if (reached)
                expected = id == kIntentSucceeded && seededAt < 9 ? kIntentSucceededAuditAt
                                                                  : q.value(3).toString();
            if (succeededAt != expected)
                return QStringLiteral("intent %1 (%2): succeeded_at '%3', expected '%4'")
                    .arg(id, status, succeededAt, expected);
        }
        // Invariant 1 still enforced by the table: failed never succeeds.
        if (c.exec(QStringLiteral("UPDATE payment_intents SET status = 'succeeded'"
                                  " WHERE id = '50000000-0000-0000-0000-000000000002'"))
                .isEmpty())
            return QStringLiteral("a failed intent could become succeeded");
    }
    // 0010: cursor times to the millisecond.
    const int precise =
        c.scalar(QStringLiteral("SELECT count(*) FROM pg_attribute WHERE atttypmod = 3 AND ("
                                " (attrelid = 'reservations'::regclass AND attname = "
                                "'created_at') OR"
                                " (attrelid = 'slots'::regclass AND attname = 'starts_at') OR"
                                " (attrelid = 'promotion_claims'::regclass"
                                "  AND attname = 'claimed_at'))"))
            .toInt();
    if (precise != 3)
        return QStringLiteral("%1 of 3 cursor columns are timestamptz(3)").arg(precise);
    // 0006: every transfer has a kind; the shuttle's was guessed from its name.
    if (seededAt >= 2 &&
        c.scalar(QStringLiteral("SELECT transfer_kind FROM products"
                                " WHERE id = '40000000-0000-0000-0000-000000000002'"))
                .toString() != u"airport_pickup")
        return QStringLiteral("the shuttle's transfer_kind is wrong");
    // Audit: every old row seals into a chain that verifies.
    DbConnection app(appSession(settings),
                     QStringLiteral("upg-audit-") + QUuid::createUuid().toString());
    QString error;
    if (!app.open(&error))
        return error;
    while (auditchain::sealPending(app, 1000) == 1000) {
    }
    const auditchain::Report report = auditchain::verify(app);
    const qint64 auditRows =
        c.scalar(QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
    if (!report.intact || report.checked != auditRows || report.unsealed != 0)
        return QStringLiteral("audit chain: intact %1, %2 of %3 checked: %4")
            .arg(report.intact ? QStringLiteral("yes") : QStringLiteral("no"))
            .arg(report.checked)
            .arg(auditRows)
            .arg(report.reason);
    return {};
}

// A directory the PostgreSQL account (as root) may enter; short, for the socket.
std::unique_ptr<QTemporaryDir> makeDataRoot()
{
    auto dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/rsvb-XXXXXX"));
    QFile::setPermissions(dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                           QFile::ExeGroup | QFile::ExeOther);
    return dir;
}

test::ReservadRun reservad(const QStringList &arguments)
{
    return test::runReservad(QStringLiteral(RESERVAD_PATH), arguments);
}

// The managed cluster of a data dir, started by the test (it adopts one that
// runs) and stopped again.
std::unique_ptr<LocalPostgres> startManaged(const QString &dataDir)
{
    LocalPostgres::Options options;
    options.dataDir = dataDir;
    options.durable = false;
    auto cluster = std::make_unique<LocalPostgres>(options);
    QString error;
    if (!cluster->start(&error))
        qFatal("start %s: %s", qPrintable(dataDir), qPrintable(error));
    return cluster;
}

QMap<QString, QString> managedSnapshot(const QString &dataDir)
{
    const auto cluster = startManaged(dataDir);
    const Connection c(cluster->connectionSettings());
    return snapshot(c, tableColumns(c));
}

int fileMode(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

} // namespace

class TestUpgrades : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // One row per earlier version: a new migration adds a row by itself.
    void everyEarlierVersionUpgradesWithItsData_data()
    {
        QTest::addColumn<int>("version");
        const QList<Migration> all = Migrator::compiledMigrations();
        for (const Migration &m : all) {
            if (m.version < all.last().version)
                QTest::addRow("from %04d %s", m.version, qPrintable(m.name)) << m.version;
        }
    }

    void everyEarlierVersionUpgradesWithItsData()
    {
        QFETCH(int, version);
        const QList<Migration> all = Migrator::compiledMigrations();
        const ConnectionSettings settings = test::TestCluster::createDatabase(QStringLiteral("u"));
        const Connection c(settings);
        QSqlDatabase db = c.db();
        QString error;
        QVERIFY2(Migrator::migrate(db, all.mid(0, version), nullptr, &error), qPrintable(error));
        QCOMPARE(c.scalar(QStringLiteral("SELECT max(version) FROM schema_migrations")).toInt(),
                 version);
        error = seedAtVersion(c, version);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        {
            // Part of the audit trail is chained before the upgrade.
            DbConnection app(appSession(settings), QStringLiteral("upg-seal"));
            QVERIFY2(app.open(&error), qPrintable(error));
            QCOMPARE(auditchain::sealPending(app, 2), 2);
        }
        const TableColumns columns = tableColumns(c);
        const QMap<QString, QString> before = snapshot(c, columns);
        // Every table of that version holds rows.
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QVERIFY2(!it.value().startsWith(u"0:"), qPrintable(it.key() + u" is empty"));

        int applied = 0;
        QVERIFY2(Migrator::migrate(db, all, &applied, &error), qPrintable(error));
        QCOMPARE(applied, int(all.size()) - version);

        const QString lost = compareSnapshots(before, snapshot(c, columns));
        QVERIFY2(lost.isEmpty(), qPrintable(lost));
        error = latestInvariantsHold(c, settings, version);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // The check above can fail: a migration that loses or rewrites old rows
    // changes the snapshot.
    void aMigrationThatBreaksRowsIsCaught_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("loses rows") << QStringLiteral("DELETE FROM idempotency_keys");
        QTest::newRow("rewrites a value")
            << QStringLiteral("UPDATE products SET name = name || ' ' WHERE kind = 'tour'");
        QTest::newRow("rounds a time")
            << QStringLiteral("ALTER TABLE audit_log ALTER COLUMN occurred_at TYPE timestamptz(0)");
    }

    void aMigrationThatBreaksRowsIsCaught()
    {
        QFETCH(QString, sql);
        QList<Migration> migrations = Migrator::compiledMigrations();
        const int latest = migrations.last().version;
        const ConnectionSettings settings = test::TestCluster::createDatabase(QStringLiteral("u"));
        const Connection c(settings);
        QSqlDatabase db = c.db();
        QString error;
        QVERIFY2(Migrator::migrate(db, migrations, nullptr, &error), qPrintable(error));
        error = seedAtVersion(c, latest);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const TableColumns columns = tableColumns(c);
        const QMap<QString, QString> before = snapshot(c, columns);
        migrations.append({latest + 1, QStringLiteral("bad"), sql, "bad"});
        QVERIFY2(Migrator::migrate(db, migrations, nullptr, &error), qPrintable(error));
        QVERIFY(!compareSnapshots(before, snapshot(c, columns)).isEmpty());
    }

    // A populated managed cluster, backed up through the binary while its
    // server runs and a session is open, restored into a fresh data dir.
    void backupAndRestoreKeepEveryRow()
    {
        const auto root = makeDataRoot();
        const QString source = root->filePath(QStringLiteral("a"));
        const QString copy = root->filePath(QStringLiteral("b"));
        const QString file = root->filePath(QStringLiteral("reserva.backup"));
        const int latest = Migrator::compiledMigrations().last().version;

        test::ReservadRun r =
            reservad({QStringLiteral("migrate"), QStringLiteral("--data-dir"), source});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QMap<QString, QString> original;
        {
            const auto cluster = startManaged(source);
            const Connection c(cluster->connectionSettings());
            const QString error = seedAtVersion(c, latest);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            original = snapshot(c, tableColumns(c));
            // The server keeps running and this session stays open.
            r = reservad({QStringLiteral("backup"), file, QStringLiteral("--data-dir"), source});
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
            QVERIFY2(r.out.contains(QStringLiteral("schema version %1").arg(latest)),
                     qPrintable(r.out));
        }
        QCOMPARE(fileMode(file), 0600);
        // Nothing but the backup and the data dir is left beside it.
        QCOMPARE(QDir(root->path())
                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                     .size(),
                 2);

        r = reservad({QStringLiteral("restore"), file, QStringLiteral("--data-dir"), copy});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QStringLiteral("now at schema version %1").arg(latest)),
                 qPrintable(r.out));
        {
            const auto cluster = startManaged(copy);
            const Connection c(cluster->connectionSettings());
            const QString diff = compareSnapshots(original, snapshot(c, tableColumns(c)));
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
            // The application role's grants came back with the tables.
            QVERIFY(
                c.scalar(QStringLiteral("SELECT has_table_privilege('reserva_app', 'reservations',"
                                        " 'INSERT') AND NOT has_table_privilege('reserva_app',"
                                        " 'audit_log', 'UPDATE')"))
                    .toBool());
        }
        r = reservad({QStringLiteral("audit"), QStringLiteral("verify"),
                      QStringLiteral("--data-dir"), copy});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

        // Over a non-empty database: refused without --force, nothing changed.
        r = reservad({QStringLiteral("restore"), file, QStringLiteral("--data-dir"), source});
        QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("--force")), qPrintable(r.err));
        QCOMPARE(compareSnapshots(original, managedSnapshot(source)), QString());

        // With --force it replaces what changed since.
        {
            const auto cluster = startManaged(source);
            const Connection c(cluster->connectionSettings());
            QCOMPARE(c.exec(QStringLiteral("UPDATE products SET name = 'Changed'")), QString());
            QCOMPARE(c.exec(QStringLiteral("DELETE FROM idempotency_keys")), QString());
            // Refused while another session (a running server) is connected.
            r = reservad({QStringLiteral("restore"), file, QStringLiteral("--data-dir"), source,
                          QStringLiteral("--force")});
            QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
            QVERIFY2(r.err.contains(QStringLiteral("session")), qPrintable(r.err));
        }
        r = reservad({QStringLiteral("restore"), file, QStringLiteral("--data-dir"), source,
                      QStringLiteral("--force")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(compareSnapshots(original, managedSnapshot(source)), QString());
    }

    // A damaged backup fails and changes nothing, even with --force.
    void aCorruptBackupChangesNothing_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("truncated to half") << QStringLiteral("half");
        QTest::newRow("cut short by a few bytes") << QStringLiteral("tail");
        QTest::newRow("bytes overwritten in the data") << QStringLiteral("flip");
        QTest::newRow("not a backup") << QStringLiteral("text");
    }

    void aCorruptBackupChangesNothing()
    {
        QFETCH(QString, damage);
        const auto root = makeDataRoot();
        const QString dataDir = root->filePath(QStringLiteral("a"));
        const QString file = root->filePath(QStringLiteral("good.backup"));
        const QString bad = root->filePath(QStringLiteral("bad.backup"));
        test::ReservadRun r =
            reservad({QStringLiteral("migrate"), QStringLiteral("--data-dir"), dataDir});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        {
            const auto cluster = startManaged(dataDir);
            const Connection c(cluster->connectionSettings());
            const QString error = seedAtVersion(c, Migrator::compiledMigrations().last().version);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        r = reservad({QStringLiteral("backup"), file, QStringLiteral("--data-dir"), dataDir});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QMap<QString, QString> original = managedSnapshot(dataDir);

        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        if (damage == u"half")
            bytes.truncate(bytes.size() / 2);
        else if (damage == u"tail")
            bytes.chop(16);
        else if (damage == u"flip")
            for (qsizetype i = bytes.size() / 2; i < bytes.size() / 2 + 64; ++i)
                bytes[i] = char(~bytes[i]);
        else
            bytes = "this is not a backup\n";
        QFile out(bad);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();

        r = reservad({QStringLiteral("restore"), bad, QStringLiteral("--data-dir"), dataDir,
                      QStringLiteral("--force")});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QCOMPARE(compareSnapshots(original, managedSnapshot(dataDir)), QString());
    }

    // A backup of an older schema (through --database) is restored and
    // upgraded; one from a newer reservad is refused before anything is made.
    void anOlderBackupIsUpgradedANewerOneRefused()
    {
        const ConnectionSettings old = test::TestCluster::createDatabase(QStringLiteral("u"));
        const Connection c(old);
        QSqlDatabase db = c.db();
        QString error;
        const QList<Migration> all = Migrator::compiledMigrations();
        QVERIFY2(Migrator::migrate(db, all.mid(0, 5), nullptr, &error), qPrintable(error));
        error = seedAtVersion(c, 5);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const qint64 reservations =
            c.scalar(QStringLiteral("SELECT count(*) FROM reservations")).toLongLong();

        const auto root = makeDataRoot();
        const QString file = root->filePath(QStringLiteral("old.backup"));
        test::ReservadRun r = reservad({QStringLiteral("backup"), file,
                                        QStringLiteral("--database"), test::cliDatabaseUrl(old)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY2(r.out.contains(QStringLiteral("schema version 5")), qPrintable(r.out));
        const QString upgraded = root->filePath(QStringLiteral("up"));
        r = reservad({QStringLiteral("restore"), file, QStringLiteral("--data-dir"), upgraded});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        {
            const auto cluster = startManaged(upgraded);
            const Connection restored(cluster->connectionSettings());
            QCOMPARE(restored.scalar(QStringLiteral("SELECT max(version) FROM schema_migrations"))
                         .toInt(),
                     all.last().version);
            QCOMPARE(
                restored.scalar(QStringLiteral("SELECT count(*) FROM reservations")).toLongLong(),
                reservations);
            error = latestInvariantsHold(restored, cluster->connectionSettings(), 5);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }

        QCOMPARE(c.exec(QStringLiteral("INSERT INTO schema_migrations (version, name, checksum)"
                                       " VALUES (?, 'from_the_future', 'x')"),
                        {all.last().version + 1}),
                 QString());
        const QString newer = root->filePath(QStringLiteral("newer.backup"));
        r = reservad({QStringLiteral("backup"), newer, QStringLiteral("--database"),
                      test::cliDatabaseUrl(old)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QString fresh = root->filePath(QStringLiteral("fresh"));
        r = reservad({QStringLiteral("restore"), newer, QStringLiteral("--data-dir"), fresh});
        QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
        QVERIFY2(r.err.contains(QStringLiteral("newer")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(fresh));
    }

    // Against a real `reservad serve` on the data dir: a backup works (one
    // consistent snapshot), a restore is refused (its sessions are seen).
    void backupWorksAndRestoreIsRefusedWhileServeRuns()
    {
        const auto root = makeDataRoot();
        const QString dataDir = root->filePath(QStringLiteral("a"));
        const QString before = root->filePath(QStringLiteral("before.backup"));
        const QString during = root->filePath(QStringLiteral("during.backup"));
        test::ReservadRun r =
            reservad({QStringLiteral("migrate"), QStringLiteral("--data-dir"), dataDir});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        r = reservad({QStringLiteral("backup"), before, QStringLiteral("--data-dir"), dataDir});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));

        QProcess serve;
        serve.setProcessEnvironment(test::cleanReservadEnvironment());
        serve.start(QStringLiteral(RESERVAD_PATH),
                    {QStringLiteral("serve"), QStringLiteral("--data-dir"), dataDir,
                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--workers"), QStringLiteral("2")});
        QVERIFY(serve.waitForStarted(-1));
        QByteArray output;
        while (!output.contains("listening on") && serve.state() == QProcess::Running) {
            serve.waitForReadyRead(-1);
            output += serve.readAllStandardOutput();
        }
        QVERIFY2(output.contains("listening on"),
                 qPrintable(QString::fromUtf8(output + serve.readAllStandardError())));

        r = reservad({QStringLiteral("backup"), during, QStringLiteral("--data-dir"), dataDir});
        const test::ReservadRun restore =
            reservad({QStringLiteral("restore"), before, QStringLiteral("--data-dir"), dataDir,
                      QStringLiteral("--force")});
        serve.terminate();
        serve.waitForFinished(-1);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(fileMode(during), 0600);
        QVERIFY2(restore.exitCode == 1, qPrintable(restore.describe()));
        QVERIFY2(restore.err.contains(QStringLiteral("reservad serve")), qPrintable(restore.err));
        // The server stopped its cluster; the refused restore left it alone.
        QCOMPARE(serve.exitCode(), 0);
    }

    void badPathsAreUsageErrors()
    {
        const auto root = makeDataRoot();
        const QString dataDir = root->filePath(QStringLiteral("none"));
        test::ReservadRun r = reservad({QStringLiteral("backup")});
        QCOMPARE(r.exitCode, 2);
        r = reservad({QStringLiteral("backup"), root->filePath(QStringLiteral("no/such/dir/f")),
                      QStringLiteral("--data-dir"), dataDir});
        QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        r = reservad(
            {QStringLiteral("backup"), root->path(), QStringLiteral("--data-dir"), dataDir});
        QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        // A data dir without a cluster: the wrong --data-dir, not an empty backup.
        r = reservad({QStringLiteral("backup"), root->filePath(QStringLiteral("f")),
                      QStringLiteral("--data-dir"), dataDir});
        QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        QVERIFY(!QFileInfo::exists(dataDir));
        r = reservad({QStringLiteral("restore"), root->filePath(QStringLiteral("missing")),
                      QStringLiteral("--data-dir"), dataDir});
        QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
        QVERIFY(!QFileInfo::exists(dataDir));
    }
};

QTEST_GUILESS_MAIN(TestUpgrades)
#include "tst_upgrades.moc"
