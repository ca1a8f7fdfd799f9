#include "paymentfixture.h"

#include "runtime/serverconfig.h"
#include "webhooks/mercadopagosignature.h"
#include "webhooks/stripesignature.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <cstdio>
#include <unistd.h>

namespace reserva::test {

const QByteArray PaymentSecrets::kStripe = "whsec_reserva_current_7d41";
const QByteArray PaymentSecrets::kStripePrevious = "whsec_reserva_previous_19c2";
const QByteArray PaymentSecrets::kMercadoPago = "mp-webhook-secret-5be0";
const QByteArray PaymentSecrets::kPix = "pix-callback-secret-a1b2c3";
const QString PaymentSecrets::kStripeApiKey = QStringLiteral("sk_test_reserva");
const QString PaymentSecrets::kMercadoPagoToken = QStringLiteral("APP_USR-test-token");
const QString PaymentSecrets::kPixClientId = QStringLiteral("pix-client");
const QString PaymentSecrets::kPixClientSecret = QStringLiteral("pix-client-secret");
const QString PaymentSecrets::kPixKey = QStringLiteral("pagamentos@reserva.example");

namespace {

using Reply = FakeHttpServer::Reply;

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Reply json(int status, const QJsonObject &body)
{
    Reply r;
    r.status = status;
    r.body = compact(body);
    return r;
}

} // namespace

// --- FakePaymentApis --------------------------------------------------------

FakePaymentApis::FakePaymentApis()
{
    m_http.setHandler([this](const FakeHttpServer::Received &r) { return answer(r); });
}

void FakePaymentApis::failWith(const QByteArray &method, const QByteArray &pathPrefix,
                               FakeHttpServer::Reply reply)
{
    QMutexLocker lock(&m_mutex);
    m_failures.append({method, pathPrefix, std::move(reply), false});
}

void FakePaymentApis::loseAnswers(const QByteArray &method, const QByteArray &pathPrefix)
{
    FakeHttpServer::Reply hang;
    hang.mode = FakeHttpServer::Mode::Hang;
    QMutexLocker lock(&m_mutex);
    m_failures.append({method, pathPrefix, hang, true});
}

void FakePaymentApis::clearFailures()
{
    QMutexLocker lock(&m_mutex);
    m_failures.clear();
}

void FakePaymentApis::setNextStripeId(const QString &id)
{
    QMutexLocker lock(&m_mutex);
    m_nextStripeId = id;
}

void FakePaymentApis::setPayment(const QString &id, const QJsonObject &payment)
{
    QMutexLocker lock(&m_mutex);
    if (payment.isEmpty())
        m_payments.remove(id);
    else
        m_payments.insert(id, payment);
}

void FakePaymentApis::setCob(const QString &txid, const QJsonObject &cob)
{
    QMutexLocker lock(&m_mutex);
    m_cobs.insert(txid, cob);
}

std::optional<QJsonObject> FakePaymentApis::cob(const QString &txid) const
{
    QMutexLocker lock(&m_mutex);
    if (!m_cobs.contains(txid))
        return std::nullopt;
    return m_cobs.value(txid);
}

void FakePaymentApis::concludeCob(const QString &txid, const QString &endToEndId,
                                  const QString &valor)
{
    QMutexLocker lock(&m_mutex);
    QJsonObject cob = m_cobs.value(txid);
    cob.insert(QStringLiteral("txid"), txid);
    cob.insert(QStringLiteral("status"), QStringLiteral("CONCLUIDA"));
    QJsonArray pix = cob.value(QStringLiteral("pix")).toArray();
    pix.append(
        QJsonObject{{QStringLiteral("endToEndId"), endToEndId},
                    {QStringLiteral("txid"), txid},
                    {QStringLiteral("valor"), valor},
                    {QStringLiteral("horario"), QStringLiteral("2025-11-24T16:00:00.000Z")}});
    cob.insert(QStringLiteral("pix"), pix);
    m_cobs.insert(txid, cob);
}

QString FakePaymentApis::preferenceReference(const QString &preferenceId) const
{
    QMutexLocker lock(&m_mutex);
    return m_preferenceReference.value(preferenceId);
}

QList<FakeHttpServer::Received> FakePaymentApis::received(const QByteArray &method,
                                                          const QByteArray &pathPrefix) const
{
    QList<FakeHttpServer::Received> out;
    for (const FakeHttpServer::Received &r : m_http.received()) {
        if ((method.isEmpty() || r.method == method) && r.path.startsWith(pathPrefix))
            out << r;
    }
    return out;
}

QHash<QString, QString> FakePaymentApis::parseForm(const QByteArray &body)
{
    QHash<QString, QString> out;
    for (const QByteArray &pair : body.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        auto decode = [](QByteArray part) {
            return QString::fromUtf8(QByteArray::fromPercentEncoding(part.replace('+', ' ')));
        };
        if (eq > 0)
            out.insert(decode(pair.left(eq)), decode(pair.mid(eq + 1)));
    }
    return out;
}

QJsonObject FakePaymentApis::mercadoPagoPayment(const QString &id, const QString &status,
                                                double transactionAmount, const QString &currency,
                                                const QString &externalReference)
{
    bool numeric = false;
    const qint64 number = id.toLongLong(&numeric);
    return {{QStringLiteral("id"), numeric ? QJsonValue(number) : QJsonValue(id)},
            {QStringLiteral("status"), status},
            {QStringLiteral("status_detail"), QStringLiteral("accredited")},
            {QStringLiteral("transaction_amount"), transactionAmount},
            {QStringLiteral("currency_id"), currency},
            {QStringLiteral("external_reference"), externalReference},
            {QStringLiteral("live_mode"), false}};
}

FakeHttpServer::Reply FakePaymentApis::answer(const FakeHttpServer::Received &r)
{
    const QByteArray path =
        r.path.left(r.path.indexOf('?') < 0 ? r.path.size() : r.path.indexOf('?'));
    std::optional<Failure> failure;
    {
        QMutexLocker lock(&m_mutex);
        for (const Failure &f : std::as_const(m_failures)) {
            if (f.method == r.method && path.startsWith(f.pathPrefix)) {
                failure = f;
                break;
            }
        }
    }
    if (failure && !failure->carriedOut)
        return failure->reply;
    const FakeHttpServer::Reply reply = route(r, path);
    return failure ? failure->reply : reply;
}

FakeHttpServer::Reply FakePaymentApis::route(const FakeHttpServer::Received &r,
                                             const QByteArray &path)
{
    if (r.method == "POST" && path == "/v1/payment_intents")
        return stripeCreate(r);
    if (r.method == "POST" && path == "/checkout/preferences")
        return preferenceCreate(r);
    if (r.method == "GET" && path.startsWith("/v1/payments/")) {
        QMutexLocker lock(&m_mutex);
        const QString id = QString::fromUtf8(QByteArray::fromPercentEncoding(path.mid(13)));
        if (r.header("authorization") != "Bearer " + PaymentSecrets::kMercadoPagoToken.toUtf8())
            return json(401, {{QStringLiteral("message"), QStringLiteral("unauthorized")}});
        if (!m_payments.contains(id))
            return json(404, {{QStringLiteral("message"), QStringLiteral("Payment not found")}});
        return json(200, m_payments.value(id));
    }
    if (r.method == "POST" && path == "/oauth/token")
        return pixToken();
    if (path.startsWith("/v2/cob/")) {
        const QString txid = QString::fromUtf8(path.mid(8));
        {
            QMutexLocker lock(&m_mutex);
            const QByteArray auth = r.header("authorization");
            if (!auth.startsWith("Bearer ") || !m_tokens.contains(auth.mid(7)))
                return json(401, {{QStringLiteral("title"), QStringLiteral("Não autorizado")}});
        }
        if (r.method == "PUT")
            return cobPut(r, txid);
        if (r.method == "GET") {
            QMutexLocker lock(&m_mutex);
            if (!m_cobs.contains(txid))
                return json(404,
                            {{QStringLiteral("title"), QStringLiteral("Cobrança não encontrada")}});
            return json(200, m_cobs.value(txid));
        }
    }
    return json(404, {{QStringLiteral("error"), QStringLiteral("no such route in the fake")}});
}

FakeHttpServer::Reply FakePaymentApis::stripeCreate(const FakeHttpServer::Received &r)
{
    QMutexLocker lock(&m_mutex);
    if (r.header("authorization") != "Bearer " + PaymentSecrets::kStripeApiKey.toUtf8())
        return json(
            401,
            {{QStringLiteral("error"),
              QJsonObject{{QStringLiteral("type"), QStringLiteral("invalid_request_error")}}}});
    // Stripe: a repeated Idempotency-Key returns the first answer.
    const QByteArray key = r.header("idempotency-key");
    if (!key.isEmpty() && m_stripeByKey.contains(key)) {
        Reply reply;
        reply.body = m_stripeByKey.value(key);
        return reply;
    }
    const QHash<QString, QString> form = parseForm(r.body);
    auto field = [&](const QString &name) { return form.value(name); };
    QString id = m_nextStripeId;
    m_nextStripeId.clear();
    if (id.isEmpty())
        id = QStringLiteral("pi_fake%1").arg(++m_counter, 6, 10, QLatin1Char('0'));
    const QJsonObject intent{
        {QStringLiteral("id"), id},
        {QStringLiteral("object"), QStringLiteral("payment_intent")},
        {QStringLiteral("amount"), field(QStringLiteral("amount")).toLongLong()},
        {QStringLiteral("currency"), field(QStringLiteral("currency"))},
        {QStringLiteral("client_secret"), QString(id + QStringLiteral("_secret_fake"))},
        {QStringLiteral("status"), QStringLiteral("requires_payment_method")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("payment_intent_id"),
                      field(QStringLiteral("metadata[payment_intent_id]"))}}}};
    Reply reply;
    reply.body = compact(intent);
    if (!key.isEmpty())
        m_stripeByKey.insert(key, reply.body);
    return reply;
}

FakeHttpServer::Reply FakePaymentApis::preferenceCreate(const FakeHttpServer::Received &r)
{
    QMutexLocker lock(&m_mutex);
    if (r.header("authorization") != "Bearer " + PaymentSecrets::kMercadoPagoToken.toUtf8())
        return json(401, {{QStringLiteral("message"), QStringLiteral("invalid token")}});
    const QByteArray key = r.header("x-idempotency-key");
    if (!key.isEmpty() && m_preferenceByKey.contains(key)) {
        Reply reply;
        reply.status = 201;
        reply.body = m_preferenceByKey.value(key);
        return reply;
    }
    const QJsonObject request = QJsonDocument::fromJson(r.body).object();
    const QString id = QStringLiteral("1234567-pref%1").arg(++m_counter);
    const QString reference = request.value(QStringLiteral("external_reference")).toString();
    m_preferenceReference.insert(id, reference);
    Reply reply = json(
        201,
        {{QStringLiteral("id"), id},
         {QStringLiteral("external_reference"), reference},
         {QStringLiteral("items"), request.value(QStringLiteral("items"))},
         {QStringLiteral("init_point"),
          QString(QStringLiteral("https://www.mercadopago.com.br/checkout/v1/redirect?pref_id=") +
                  id)}});
    if (!key.isEmpty())
        m_preferenceByKey.insert(key, reply.body);
    return reply;
}

FakeHttpServer::Reply FakePaymentApis::pixToken()
{
    QMutexLocker lock(&m_mutex);
    const QByteArray token = "pix-token-" + QByteArray::number(++m_counter);
    m_tokens << token;
    return json(200, {{QStringLiteral("access_token"), QString::fromLatin1(token)},
                      {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                      {QStringLiteral("expires_in"), 3600},
                      {QStringLiteral("scope"), QStringLiteral("cob.write cob.read")}});
}

FakeHttpServer::Reply FakePaymentApis::cobPut(const FakeHttpServer::Received &r,
                                              const QString &txid)
{
    QMutexLocker lock(&m_mutex);
    if (m_cobs.contains(txid))
        return json(200, m_cobs.value(txid)); // the same charge again
    const QJsonObject request = QJsonDocument::fromJson(r.body).object();
    const QJsonObject cob{
        {QStringLiteral("txid"), txid},
        {QStringLiteral("revisao"), 0},
        {QStringLiteral("status"), QStringLiteral("ATIVA")},
        {QStringLiteral("calendario"), request.value(QStringLiteral("calendario"))},
        {QStringLiteral("valor"), request.value(QStringLiteral("valor"))},
        {QStringLiteral("chave"), request.value(QStringLiteral("chave"))},
        {QStringLiteral("pixCopiaECola"),
         QString(
             QStringLiteral("00020101021226830014BR.GOV.BCB.PIX2561psp.example/qr/v2/") + txid +
             QStringLiteral("5204000053039865802BR5913RESERVA6009SAO PAULO62070503***6304ABCD"))}};
    m_cobs.insert(txid, cob);
    return json(201, cob);
}

// --- PaymentCounts ---------------------------------------------------------

char *toString(const PaymentCounts &c)
{
    return qstrdup(QStringLiteral("deliveries %1, events %2, audit rows %3, seats %4, "
                                  "idempotency keys %5, intents [%6], reservations [%7]")
                       .arg(c.deliveries)
                       .arg(c.events)
                       .arg(c.auditRows)
                       .arg(c.seatsTaken)
                       .arg(c.idempotencyKeys)
                       .arg(c.intents, c.reservations)
                       .toUtf8()
                       .constData());
}

// --- PaymentFixture ----------------------------------------------------------

void PaymentFixture::configure(ServerConfig &c, const FakePaymentApis &apis,
                               const QList<QByteArray> &extraStripeSecrets,
                               const QList<QByteArray> &extraMercadoPagoSecrets, int timeoutMs)
{
    const QUrl base(QString::fromLatin1(apis.baseUrl()));
    c.payments.stripe.apiBase = base;
    c.payments.stripe.apiKey = PaymentSecrets::kStripeApiKey;
    c.payments.stripe.webhookSecrets =
        QList<QByteArray>{PaymentSecrets::kStripe, PaymentSecrets::kStripePrevious} +
        extraStripeSecrets;
    c.payments.mercadoPago.apiBase = base;
    c.payments.mercadoPago.accessToken = PaymentSecrets::kMercadoPagoToken;
    c.payments.mercadoPago.webhookSecrets =
        QList<QByteArray>{PaymentSecrets::kMercadoPago} + extraMercadoPagoSecrets;
    c.payments.pix.apiBase = base;
    c.payments.pix.clientId = PaymentSecrets::kPixClientId;
    c.payments.pix.clientSecret = PaymentSecrets::kPixClientSecret;
    c.payments.pix.pixKey = PaymentSecrets::kPixKey;
    c.payments.pix.webhookSecret = PaymentSecrets::kPix;
    c.payments.timeoutMs = timeoutMs;
}

TestResponse PaymentFixture::createIntent(const QString &token, const QUuid &reservation,
                                          const QString &provider, const QByteArray &key,
                                          const QJsonObject &extra) const
{
    TestHttpClient http = m_server.client();
    http.setBearer(token);
    QJsonObject body{{QStringLiteral("provider"), provider}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    return http.request(
        "POST",
        QStringLiteral("/v1/reservations/") + BookingFixture::idText(reservation) +
            QStringLiteral("/payment-intents"),
        compact(body),
        {{"Idempotency-Key",
          key.isEmpty() ? QUuid::createUuid().toByteArray(QUuid::WithoutBraces) : key}});
}

Payable PaymentFixture::payable(const BookingTenant &tenant, const QUuid &slot,
                                const QString &provider, int quantity) const
{
    Payable p;
    p.slot = slot;
    const TestResponse booked =
        BookingFixture::book(*BookingFixture(m_server).clientAs(tenant.staffToken), slot, quantity,
                             QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    if (booked.status != 201) {
        qWarning("book: %d %s", booked.status, booked.body.constData());
        return p;
    }
    p.reservation = QUuid::fromString(booked.json().value(QStringLiteral("id")).toString());
    addIntent(tenant, p, provider);
    return p;
}

bool PaymentFixture::addIntent(const BookingTenant &tenant, Payable &p,
                               const QString &provider) const
{
    const TestResponse r = createIntent(tenant.staffToken, p.reservation, provider);
    if (r.status != 201) {
        qWarning("intent: %d %s", r.status, r.body.constData());
        return false;
    }
    p.intent = QUuid::fromString(r.json().value(QStringLiteral("id")).toString());
    p.ref = r.json().value(QStringLiteral("provider_ref")).toString();
    p.amount = r.json().value(QStringLiteral("amount_minor")).toInteger();
    return true;
}

QString PaymentFixture::verificationOf(DbConnection &db, const TestResponse &r)
{
    DbRows q =
        db.exec(QStringLiteral("SELECT verification FROM webhook_deliveries WHERE request_id = ?"),
                {QString::fromLatin1(r.header("x-request-id"))}, "verification");
    return q.next() ? q.value(0).toString() : QString();
}

TestResponse PaymentFixture::postStripe(const QByteArray &body, const QByteArray &signatureHeader,
                                        const Headers &extra) const
{
    Headers headers = extra;
    if (!signatureHeader.isNull())
        headers.append({"Stripe-Signature", signatureHeader});
    return m_server.client().request("POST", QStringLiteral("/v1/webhooks/stripe"), body, headers);
}

TestResponse PaymentFixture::postStripeSigned(const QByteArray &body, const QDateTime &at,
                                              const QByteArray &secret) const
{
    return postStripe(body, StripeSignatureVerifier::sign(secret, body, at.toSecsSinceEpoch()));
}

TestResponse PaymentFixture::postMercadoPago(const QString &dataId, const QByteArray &requestId,
                                             const QByteArray &signatureHeader, const QString &type,
                                             const QByteArray &body) const
{
    QUrlQuery query;
    if (!dataId.isNull())
        query.addQueryItem(QStringLiteral("data.id"), dataId);
    if (!type.isNull())
        query.addQueryItem(QStringLiteral("type"), type);
    Headers headers;
    if (!signatureHeader.isNull())
        headers.append({"x-signature", signatureHeader});
    if (!requestId.isNull())
        headers.append({"x-request-id", requestId});
    const QByteArray notification =
        !body.isNull()
            ? body
            : compact({{QStringLiteral("action"), QStringLiteral("payment.updated")},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("live_mode"), false},
                       {QStringLiteral("data"), QJsonObject{{QStringLiteral("id"), dataId}}}});
    const QString target =
        QStringLiteral("/v1/webhooks/mercadopago") +
        (query.isEmpty() ? QString() : QStringLiteral("?") + query.toString(QUrl::FullyEncoded));
    return m_server.client().request("POST", target, notification, headers);
}

TestResponse PaymentFixture::postMercadoPagoSigned(const QString &dataId, const QDateTime &at,
                                                   const QByteArray &secret,
                                                   bool milliseconds) const
{
    const QByteArray requestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const QByteArray ts =
        QByteArray::number(milliseconds ? at.toMSecsSinceEpoch() : at.toSecsSinceEpoch());
    return postMercadoPago(dataId, requestId,
                           MercadoPagoSignatureVerifier::sign(secret, dataId, requestId, ts));
}

TestResponse PaymentFixture::postPix(const QByteArray &body, const QByteArray &secret) const
{
    QString target = QStringLiteral("/v1/webhooks/pix");
    if (!secret.isNull())
        target += QStringLiteral("?hmac=") +
                  QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(secret)));
    return m_server.client().request("POST", target, body);
}

QByteArray PaymentFixture::stripeEvent(const QString &eventId, const QString &type,
                                       const QJsonObject &object, bool livemode)
{
    return compact({{QStringLiteral("id"), eventId},
                    {QStringLiteral("object"), QStringLiteral("event")},
                    {QStringLiteral("api_version"), QStringLiteral("2024-06-20")},
                    {QStringLiteral("type"), type},
                    {QStringLiteral("created"), 1764000000},
                    {QStringLiteral("livemode"), livemode},
                    {QStringLiteral("data"), QJsonObject{{QStringLiteral("object"), object}}}});
}

QJsonObject PaymentFixture::stripeIntentObject(const QString &providerRef, qint64 amount,
                                               const QString &currency, const QString &status)
{
    return {{QStringLiteral("id"), providerRef},
            {QStringLiteral("object"), QStringLiteral("payment_intent")},
            {QStringLiteral("amount"), amount},
            {QStringLiteral("amount_received"), status == u"succeeded" ? amount : 0},
            {QStringLiteral("currency"), currency},
            {QStringLiteral("status"), status}};
}

QJsonObject PaymentFixture::stripeChargeObject(const QString &providerRef, qint64 amount,
                                               qint64 amountRefunded, bool refunded,
                                               const QString &currency)
{
    return {{QStringLiteral("id"), QString(QStringLiteral("ch_") + providerRef.mid(3))},
            {QStringLiteral("object"), QStringLiteral("charge")},
            {QStringLiteral("payment_intent"), providerRef},
            {QStringLiteral("amount"), amount},
            {QStringLiteral("amount_captured"), amount},
            {QStringLiteral("amount_refunded"), amountRefunded},
            {QStringLiteral("refunded"), refunded},
            {QStringLiteral("currency"), currency}};
}

QByteArray PaymentFixture::pixCallback(const QList<std::tuple<QString, QString, QString>> &entries)
{
    QJsonArray pix;
    for (const auto &[endToEndId, txid, valor] : entries) {
        pix.append(
            QJsonObject{{QStringLiteral("endToEndId"), endToEndId},
                        {QStringLiteral("txid"), txid},
                        {QStringLiteral("valor"), valor},
                        {QStringLiteral("horario"), QStringLiteral("2025-11-24T16:00:00.358Z")},
                        {QStringLiteral("infoPagador"), QStringLiteral("Reserva")}});
    }
    return compact({{QStringLiteral("pix"), pix}});
}

QString PaymentFixture::newEndToEndId()
{
    // E + the payer PSP's ISPB (8 digits) + yyyyMMddHHmm + 11 alphanumerics: 32.
    const QString tail = QUuid::createUuid().toString(QUuid::Id128).left(11);
    return QStringLiteral("E12345678202511241600") + tail;
}

QString PaymentFixture::invariantViolations(DbConnection &db)
{
    DbRows q = db.exec(
        QStringLiteral(
            "SELECT 'paid reservation ' || r.id || ' has no succeeded intent of its own with an"
            " applied verified event'"
            " FROM reservations r LEFT JOIN payment_intents i ON i.id = r.paid_by_intent"
            " WHERE r.status = 'paid' AND (i.id IS NULL OR i.reservation_id <> r.id"
            "   OR i.status NOT IN ('succeeded', 'partially_refunded')"
            "   OR NOT EXISTS (SELECT 1 FROM webhook_events e"
            "     JOIN webhook_deliveries d ON d.id = e.delivery_id"
            "     WHERE e.payment_intent_id = i.id AND e.outcome = 'applied'"
            "       AND d.verification = 'verified'))"
            " UNION ALL"
            " SELECT 'intent ' || i.id || ' is ' || i.status || ' but its reservation is '"
            "   || r.status || ' and it is not flagged for refund'"
            " FROM payment_intents i JOIN reservations r ON r.id = i.reservation_id"
            " WHERE i.status IN ('succeeded', 'partially_refunded') AND NOT i.needs_refund"
            "   AND NOT (r.status = 'paid' AND r.paid_by_intent IS NOT DISTINCT FROM i.id)"
            " UNION ALL"
            " SELECT 'intent ' || i.id || ' refunded but the reservation it paid is still paid'"
            " FROM payment_intents i JOIN reservations r ON r.paid_by_intent = i.id"
            " WHERE i.status = 'refunded' AND r.status = 'paid'"
            " UNION ALL"
            " SELECT 'intent ' || i.id || ' flagged for refund without a money event'"
            " FROM payment_intents i WHERE i.needs_refund AND NOT EXISTS (SELECT 1"
            "   FROM webhook_events e WHERE e.payment_intent_id = i.id"
            "   AND e.outcome = 'refund_required')"
            " UNION ALL"
            " SELECT 'event ' || e.provider || '/' || e.event_id || ' from an unverified delivery'"
            " FROM webhook_events e JOIN webhook_deliveries d ON d.id = e.delivery_id"
            " WHERE d.verification <> 'verified'"
            " UNION ALL"
            " SELECT 'reservation ' || r.id || ' paid by another reservation''s intent'"
            " FROM reservations r JOIN payment_intents i ON i.id = r.paid_by_intent"
            " WHERE i.reservation_id <> r.id"),
        {}, "payment invariants");
    QStringList violations;
    while (q.next())
        violations << q.value(0).toString();
    const QString seats = BookingFixture::seatInvariantViolations(db);
    if (!seats.isEmpty())
        violations << seats;
    return violations.join(QStringLiteral("; "));
}

PaymentCounts PaymentFixture::counts(DbConnection &db)
{
    DbRows q = db.exec(
        QStringLiteral(
            "SELECT (SELECT count(*) FROM webhook_deliveries), (SELECT count(*) FROM "
            "webhook_events),"
            " (SELECT count(*) FROM audit_log), (SELECT COALESCE(sum(seats_taken), 0) FROM slots),"
            " (SELECT count(*) FROM idempotency_keys),"
            " (SELECT COALESCE(string_agg(id || ':' || status || ':' || needs_refund || ':'"
            "   || refunded_minor, ',' ORDER BY id), '') FROM payment_intents),"
            " (SELECT COALESCE(string_agg(id || ':' || status || ':'"
            "   || COALESCE(paid_by_intent::text, '-'), ',' ORDER BY id), '') FROM reservations)"),
        {}, "payment counts");
    PaymentCounts c;
    if (q.next()) {
        c.deliveries = q.value(0).toLongLong();
        c.events = q.value(1).toLongLong();
        c.auditRows = q.value(2).toLongLong();
        c.seatsTaken = q.value(3).toLongLong();
        c.idempotencyKeys = q.value(4).toLongLong();
        c.intents = q.value(5).toString();
        c.reservations = q.value(6).toString();
    }
    return c;
}

QString PaymentFixture::intentStatus(DbConnection &db, const QUuid &intent)
{
    DbRows q = db.exec(QStringLiteral("SELECT status FROM payment_intents WHERE id = ?::uuid"),
                       {BookingFixture::idText(intent)}, "intent status");
    return q.next() ? q.value(0).toString() : QString();
}

QString PaymentFixture::outcomeOf(const TestResponse &r)
{
    return r.json().value(QStringLiteral("outcome")).toString();
}

QUuid PaymentFixture::paidBy(DbConnection &db, const QUuid &reservation)
{
    DbRows q = db.exec(QStringLiteral("SELECT paid_by_intent FROM reservations WHERE id = ?::uuid"),
                       {BookingFixture::idText(reservation)}, "paid by");
    return q.next() ? QUuid::fromString(q.value(0).toString()) : QUuid();
}

// --- StdoutCapture ----------------------------------------------------------

StdoutCapture::StdoutCapture()
{
    if (!m_file.open())
        return;
    std::fflush(stdout);
    m_saved = ::dup(STDOUT_FILENO);
    if (m_saved >= 0)
        ::dup2(m_file.handle(), STDOUT_FILENO);
}

StdoutCapture::~StdoutCapture()
{
    restore();
}

void StdoutCapture::restore()
{
    if (m_saved < 0)
        return;
    std::fflush(stdout);
    ::dup2(m_saved, STDOUT_FILENO);
    ::close(m_saved);
    m_saved = -1;
}

QByteArray StdoutCapture::text()
{
    restore();
    QFile read(m_file.fileName());
    return read.open(QIODevice::ReadOnly) ? read.readAll() : QByteArray();
}

} // namespace reserva::test
