#include "fakeproviderapi.h"

#include "contract/jsonreader.h"
#include "contract/timeformat.h"
#include "crypto/digest.h"
#include "domain/currency.h"
#include "domain/money.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

namespace reserva {

namespace {

QString randomAlnum(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(62)]);
    return out;
}

HttpResponse json(int status, const QJsonObject &body)
{
    return HttpResponse::json(status, body);
}

// Stripe's error envelope: {"error": {"type", "code", "message", "param"}}.
HttpResponse stripeError(int status, const QString &type, const QString &code,
                         const QString &message, const QString &param = {})
{
    QJsonObject error{{QStringLiteral("type"), type}, {QStringLiteral("message"), message}};
    if (!code.isEmpty())
        error.insert(QStringLiteral("code"), code);
    if (!param.isEmpty())
        error.insert(QStringLiteral("param"), param);
    return json(status, QJsonObject{{QStringLiteral("error"), error}});
}

// Mercado Pago's error shape.
HttpResponse mercadoPagoError(int status, const QString &error, const QString &message)
{
    return json(status, QJsonObject{{QStringLiteral("message"), message},
                                    {QStringLiteral("error"), error},
                                    {QStringLiteral("status"), status},
                                    {QStringLiteral("cause"), QJsonArray()}});
}

// The BCB API Pix answers errors as RFC 7807 problems with its own type URIs.
HttpResponse pixProblem(int status, const QString &type, const QString &title)
{
    HttpResponse r = HttpResponse::raw(
        status, "application/problem+json",
        QJsonDocument(
            QJsonObject{{QStringLiteral("type"),
                         QString(QStringLiteral("https://pix.bcb.gov.br/api/v2/error/") + type)},
                        {QStringLiteral("title"), title},
                        {QStringLiteral("status"), status}})
            .toJson(QJsonDocument::Compact));
    return r;
}

HttpResponse controlError(int status, const QString &message)
{
    return json(status, QJsonObject{{QStringLiteral("error"), message}});
}

// application/x-www-form-urlencoded: '+' is a space, then percent-decoding.
QHash<QString, QString> formFields(const QByteArray &body)
{
    QHash<QString, QString> out;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray key = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        out.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                   QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return out;
}

bool hasCredentials(const HttpRequest &request, QByteArrayView scheme)
{
    const QByteArray authorization = request.header("authorization");
    return authorization.size() > scheme.size() + 1 &&
           authorization.first(scheme.size()).compare(scheme, Qt::CaseInsensitive) == 0 &&
           authorization.at(scheme.size()) == ' ';
}

QString decimal(qint64 minor, const QString &currencyCode)
{
    return money::formatDecimal(minor, currency::exponent(currencyCode).value_or(2));
}

// The EMV "BR Code" a payer's bank app reads (Manual de Padrões para
// Iniciação do Pix): a dynamic code pointing at the charge's location, closed
// by a CRC16/CCITT-FALSE over everything before it.
QString brCode(const QString &location)
{
    // -> QString: a deduced QStringBuilder would outlive the temporaries it refers to.
    auto field = [](const char *id, const QString &value) -> QString {
        return QLatin1String(id) + QStringLiteral("%1").arg(value.size(), 2, 10, QLatin1Char('0')) +
               value;
    };
    const QString merchantAccount =
        field("00", QStringLiteral("br.gov.bcb.pix")) + field("25", location);
    QString payload = field("00", QStringLiteral("01")) + field("01", QStringLiteral("12")) +
                      field("26", merchantAccount) + field("52", QStringLiteral("0000")) +
                      field("53", QStringLiteral("986")) + field("58", QStringLiteral("BR")) +
                      field("59", QStringLiteral("RESERVA FAKE PSP")) +
                      field("60", QStringLiteral("SAO PAULO")) +
                      field("62", field("05", QStringLiteral("***"))) + QStringLiteral("6304");
    quint16 crc = 0xFFFF;
    for (const char byte : payload.toLatin1()) {
        crc ^= quint16(quint8(byte) << 8);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? quint16((crc << 1) ^ 0x1021) : quint16(crc << 1);
    }
    return payload + QStringLiteral("%1").arg(crc, 4, 16, QLatin1Char('0')).toUpper();
}

// E + the payer bank's ISPB (8 digits) + yyyyMMddHHmm + 11 characters: the
// 32-character endToEndId of the Pix rules.
QString endToEndId(const QDateTime &at)
{
    return QStringLiteral("E18236120") + at.toString(QStringLiteral("yyyyMMddHHmm")) +
           randomAlnum(11);
}

QString pixTime(const QDateTime &t)
{
    return toRfc3339(t);
}

} // namespace

// --- JSON shapes -------------------------------------------------------------

QJsonObject FakeProviderApi::StripeIntent::toJson() const
{
    const bool succeeded = status == u"succeeded";
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("object"), QStringLiteral("payment_intent")},
        {QStringLiteral("amount"), amount},
        {QStringLiteral("amount_capturable"), 0},
        {QStringLiteral("amount_received"), succeeded ? amount : 0},
        {QStringLiteral("automatic_payment_methods"),
         QJsonObject{{QStringLiteral("enabled"), true}}},
        {QStringLiteral("capture_method"), QStringLiteral("automatic")},
        {QStringLiteral("client_secret"), clientSecret},
        {QStringLiteral("confirmation_method"), QStringLiteral("automatic")},
        {QStringLiteral("created"), created},
        {QStringLiteral("currency"), currency},
        {QStringLiteral("description"), description},
        {QStringLiteral("last_payment_error"),
         lastPaymentError.isEmpty() ? QJsonValue() : QJsonValue(lastPaymentError)},
        {QStringLiteral("latest_charge"),
         latestCharge.isEmpty() ? QJsonValue() : QJsonValue(latestCharge)},
        {QStringLiteral("livemode"), false},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("payment_method_types"), QJsonArray{QStringLiteral("card")}},
        {QStringLiteral("status"), status},
    };
}

QJsonObject FakeProviderApi::MercadoPagoPreference::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("init_point"), initPoint},
        {QStringLiteral("sandbox_init_point"), initPoint},
        {QStringLiteral("external_reference"), externalReference},
        {QStringLiteral("items"), items},
        {QStringLiteral("date_created"), toRfc3339(created)},
        {QStringLiteral("operation_type"), QStringLiteral("regular_payment")},
    };
}

QJsonObject FakeProviderApi::MercadoPagoPayment::toJson() const
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("status"), status},
        {QStringLiteral("status_detail"), statusDetail},
        // Major units as a JSON number, as Mercado Pago sends them.
        {QStringLiteral("transaction_amount"), decimal(amountMinor, currency).toDouble()},
        {QStringLiteral("currency_id"), currency},
        {QStringLiteral("external_reference"), externalReference},
        {QStringLiteral("date_created"), toRfc3339(created)},
        {QStringLiteral("date_last_updated"), toRfc3339(lastUpdated)},
        {QStringLiteral("date_approved"),
         status == u"rejected" ? QJsonValue() : QJsonValue(toRfc3339(created))},
        {QStringLiteral("live_mode"), false},
        {QStringLiteral("payment_type_id"), QStringLiteral("credit_card")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("preference_id"), preferenceId}}},
    };
}

QJsonObject FakeProviderApi::PixCharge::toJson() const
{
    QJsonObject out{
        {QStringLiteral("calendario"), QJsonObject{{QStringLiteral("criacao"), pixTime(created)},
                                                   {QStringLiteral("expiracao"), expiracao}}},
        {QStringLiteral("txid"), txid},
        {QStringLiteral("revisao"), 0},
        {QStringLiteral("location"), location},
        {QStringLiteral("status"), status},
        {QStringLiteral("valor"),
         QJsonObject{{QStringLiteral("original"), money::formatDecimal(originalMinor, 2)}}},
        {QStringLiteral("chave"), chave},
        {QStringLiteral("solicitacaoPagador"), solicitacaoPagador},
        {QStringLiteral("pixCopiaECola"), copyPaste},
    };
    if (!pix.isEmpty()) {
        QJsonArray entries;
        for (const PixEntry &e : pix) {
            QJsonObject entry{{QStringLiteral("endToEndId"), e.endToEndId},
                              {QStringLiteral("txid"), txid},
                              {QStringLiteral("valor"), money::formatDecimal(e.valorMinor, 2)},
                              {QStringLiteral("horario"), pixTime(e.horario)}};
            if (!e.devolucoes.isEmpty())
                entry.insert(QStringLiteral("devolucoes"), e.devolucoes);
            entries.append(entry);
        }
        out.insert(QStringLiteral("pix"), entries);
    }
    return out;
}

// --- dispatch ------------------------------------------------------------------

HttpResponse FakeProviderApi::handle(HttpRequest &request, DbConnection *db)
{
    Q_UNUSED(db)
    QStringList segments = request.path.split(u'/', Qt::SkipEmptyParts);
    HttpResponse response = route(request, segments);
    response.setHeader("Cache-Control", "no-store");
    return response;
}

HttpResponse FakeProviderApi::reject(const HttpRequest &partial, const Problem &problem)
{
    Q_UNUSED(partial)
    return HttpResponse::problem(problem, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

HttpResponse FakeProviderApi::route(HttpRequest &request, const QStringList &segments)
{
    const QByteArray &method = request.method;
    const qsizetype n = segments.size();
    auto is = [&](qsizetype size, std::initializer_list<const char *> fixed) {
        if (n != size)
            return false;
        qsizetype i = 0;
        for (const char *part : fixed) {
            if (part && segments.at(i) != QLatin1String(part))
                return false;
            ++i;
        }
        return true;
    };

    // Stripe
    if (is(2, {"v1", "payment_intents"}) && method == "POST")
        return createStripeIntent(request);
    if (is(3, {"v1", "payment_intents", nullptr}) && method == "GET") {
        if (!hasCredentials(request, "Bearer"))
            return stripeError(401, QStringLiteral("invalid_request_error"), {},
                               QStringLiteral("You did not provide an API key."));
        QMutexLocker lock(&m_mutex);
        const auto it = m_stripeIntents.constFind(segments.at(2));
        if (it == m_stripeIntents.cend())
            return stripeError(404, QStringLiteral("invalid_request_error"),
                               QStringLiteral("resource_missing"),
                               QStringLiteral("No such payment_intent: '%1'").arg(segments.at(2)),
                               QStringLiteral("intent"));
        return json(200, it->toJson());
    }

    // Mercado Pago
    if (is(2, {"checkout", "preferences"}) && method == "POST")
        return createPreference(request);
    if (is(3, {"v1", "payments", nullptr}) && method == "GET") {
        if (!hasCredentials(request, "Bearer"))
            return mercadoPagoError(401, QStringLiteral("unauthorized"),
                                    QStringLiteral("invalid access token"));
        bool ok = false;
        const qint64 id = segments.at(2).toLongLong(&ok);
        QMutexLocker lock(&m_mutex);
        const auto it = ok ? m_payments.constFind(id) : m_payments.cend();
        if (it == m_payments.cend())
            return mercadoPagoError(404, QStringLiteral("not_found"),
                                    QStringLiteral("Payment not found"));
        return json(200, it->toJson());
    }

    // Pix PSP
    if (is(2, {"oauth", "token"}) && method == "POST")
        return issuePixToken(request);
    if (is(3, {"v2", "cob", nullptr}) && (method == "PUT" || method == "GET")) {
        if (!pixAuthorized(request))
            return pixProblem(401, QStringLiteral("AcessoNegado"),
                              QStringLiteral("Requisição de participante autenticado que viola "
                                             "alguma regra de autorização."));
        if (method == "PUT")
            return putPixCharge(request, segments.at(2));
        QMutexLocker lock(&m_mutex);
        const auto it = m_charges.constFind(segments.at(2));
        if (it == m_charges.cend())
            return pixProblem(404, QStringLiteral("CobNaoEncontrado"),
                              QStringLiteral("Cobrança não encontrada."));
        return json(200, it->toJson());
    }

    // Control
    if (is(3, {"_simulate", nullptr, nullptr}) && method == "POST")
        return simulate(request, segments.at(1), segments.at(2));

    return controlError(404, QStringLiteral("no such route on the fake providers"));
}

// --- Stripe --------------------------------------------------------------------

HttpResponse FakeProviderApi::createStripeIntent(const HttpRequest &request)
{
    if (!hasCredentials(request, "Bearer"))
        return stripeError(401, QStringLiteral("invalid_request_error"), {},
                           QStringLiteral("You did not provide an API key."));
    const QHash<QString, QString> form = formFields(request.body);
    const QByteArray key = request.header("idempotency-key");
    const QByteArray hash = sha256(request.body);
    QMutexLocker lock(&m_mutex);
    if (!key.isEmpty()) {
        // Stripe replays the first answer for the same key and parameters,
        // and refuses the key with other parameters.
        const auto seen = m_stripeIdempotency.constFind(key);
        if (seen != m_stripeIdempotency.cend()) {
            if (seen->requestHash != hash)
                return stripeError(
                    400, QStringLiteral("idempotency_error"), {},
                    QStringLiteral("Keys for idempotent requests can only be used with the same "
                                   "parameters they were first used with."));
            HttpResponse replay = seen->response;
            replay.setHeader("Idempotent-Replayed", "true");
            return replay;
        }
    }
    bool ok = false;
    const qint64 amount = form.value(QStringLiteral("amount")).toLongLong(&ok);
    if (!ok || amount < 1)
        return stripeError(
            400, QStringLiteral("invalid_request_error"), QStringLiteral("parameter_missing"),
            QStringLiteral("Missing required param: amount."), QStringLiteral("amount"));
    const QString currencyCode = form.value(QStringLiteral("currency"));
    if (!QRegularExpression(QStringLiteral("^[a-z]{3}$")).match(currencyCode).hasMatch())
        return stripeError(400, QStringLiteral("invalid_request_error"),
                           QStringLiteral("parameter_invalid_empty"),
                           QStringLiteral("Invalid currency: %1.").arg(currencyCode.left(8)),
                           QStringLiteral("currency"));
    StripeIntent intent;
    intent.id = QStringLiteral("pi_") + randomAlnum(24);
    intent.clientSecret = intent.id + QStringLiteral("_secret_") + randomAlnum(25);
    intent.amount = amount;
    intent.currency = currencyCode;
    intent.description = form.value(QStringLiteral("description"));
    intent.status = QStringLiteral("requires_payment_method");
    intent.created = QDateTime::currentSecsSinceEpoch();
    static const QRegularExpression metadataKey(QStringLiteral("^metadata\\[(.{1,40})\\]$"));
    for (auto it = form.cbegin(); it != form.cend(); ++it) {
        const QRegularExpressionMatch m = metadataKey.match(it.key());
        if (m.hasMatch())
            intent.metadata.insert(m.captured(1), it.value());
    }
    m_stripeIntents.insert(intent.id, intent);
    HttpResponse response = json(200, intent.toJson());
    if (!key.isEmpty())
        m_stripeIdempotency.insert(key, {hash, response});
    return response;
}

HttpResponse FakeProviderApi::settleStripe(const QString &ref, SimulatedOutcome outcome)
{
    const auto it = m_stripeIntents.find(ref);
    if (it == m_stripeIntents.end())
        return controlError(404, QStringLiteral("no such payment_intent"));
    StripeIntent &intent = *it;
    switch (outcome) {
    case SimulatedOutcome::Succeeded:
        if (intent.status != u"requires_payment_method")
            return controlError(409, QStringLiteral("the payment intent is ") + intent.status);
        intent.status = QStringLiteral("succeeded");
        intent.lastPaymentError = {};
        intent.latestCharge = QStringLiteral("ch_") + randomAlnum(24);
        break;
    case SimulatedOutcome::Failed:
        // A declined card leaves the intent waiting for another payment method.
        if (intent.status != u"requires_payment_method")
            return controlError(409, QStringLiteral("the payment intent is ") + intent.status);
        intent.latestCharge = QStringLiteral("ch_") + randomAlnum(24);
        intent.lastPaymentError = {
            {QStringLiteral("type"), QStringLiteral("card_error")},
            {QStringLiteral("code"), QStringLiteral("card_declined")},
            {QStringLiteral("decline_code"), QStringLiteral("generic_decline")},
            {QStringLiteral("message"), QStringLiteral("Your card was declined.")}};
        break;
    case SimulatedOutcome::Refunded:
        if (intent.status != u"succeeded" || intent.amountRefunded >= intent.amount)
            return controlError(409, QStringLiteral("nothing to refund"));
        intent.amountRefunded = intent.amount;
        break;
    }
    return json(200, QJsonObject{{QStringLiteral("provider"), QStringLiteral("stripe")},
                                 {QStringLiteral("payment_intent"), intent.toJson()},
                                 {QStringLiteral("charge_id"), intent.latestCharge},
                                 {QStringLiteral("amount_refunded"), intent.amountRefunded}});
}

// --- Mercado Pago ----------------------------------------------------------------

HttpResponse FakeProviderApi::createPreference(const HttpRequest &request)
{
    if (!hasCredentials(request, "Bearer"))
        return mercadoPagoError(401, QStringLiteral("unauthorized"),
                                QStringLiteral("invalid access token"));
    const auto body = parseJsonObject(request.body);
    if (!body)
        return mercadoPagoError(400, QStringLiteral("bad_request"),
                                QStringLiteral("invalid JSON body"));
    const QByteArray key = request.header("x-idempotency-key");
    const QByteArray hash = sha256(request.body);
    QMutexLocker lock(&m_mutex);
    if (!key.isEmpty()) {
        const auto seen = m_preferenceIdempotency.constFind(key);
        if (seen != m_preferenceIdempotency.cend()) {
            if (seen->requestHash != hash)
                return mercadoPagoError(409, QStringLiteral("conflict"),
                                        QStringLiteral("idempotency key already used"));
            return seen->response;
        }
    }
    MercadoPagoPreference preference;
    preference.items = body->value(QStringLiteral("items")).toArray();
    if (preference.items.isEmpty())
        return mercadoPagoError(400, QStringLiteral("invalid_items"),
                                QStringLiteral("items needed"));
    for (const QJsonValue &v : std::as_const(preference.items)) {
        const QJsonObject item = v.toObject();
        const QString itemCurrency = item.value(QStringLiteral("currency_id")).toString();
        const auto exponent = currency::exponent(itemCurrency);
        const auto unit =
            exponent ? money::parseDecimal(
                           QString::number(item.value(QStringLiteral("unit_price")).toDouble(), 'f',
                                           *exponent),
                           *exponent)
                     : std::nullopt;
        const int quantity = item.value(QStringLiteral("quantity")).toInt();
        if (!unit || quantity < 1 ||
            (!preference.currency.isEmpty() && preference.currency != itemCurrency))
            return mercadoPagoError(400, QStringLiteral("invalid_items"),
                                    QStringLiteral("invalid unit_price, quantity or currency_id"));
        preference.currency = itemCurrency;
        preference.amountMinor += *unit * quantity;
    }
    // "<collector id>-<uuid>", the shape of a real preference id.
    preference.id =
        QStringLiteral("1234567890-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    preference.externalReference = body->value(QStringLiteral("external_reference")).toString();
    preference.initPoint =
        QStringLiteral("https://www.mercadopago.com/checkout/v1/redirect?pref_id=") + preference.id;
    preference.created = QDateTime::currentDateTimeUtc();
    m_preferences.insert(preference.id, preference);
    HttpResponse response = json(201, preference.toJson());
    if (!key.isEmpty())
        m_preferenceIdempotency.insert(key, {hash, response});
    return response;
}

HttpResponse FakeProviderApi::settleMercadoPago(const QString &ref, SimulatedOutcome outcome)
{
    const auto preference = m_preferences.constFind(ref);
    if (preference == m_preferences.cend())
        return controlError(404, QStringLiteral("no such preference"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    MercadoPagoPayment *payment = nullptr;
    if (outcome == SimulatedOutcome::Refunded) {
        // The newest approved payment of the preference is the one refunded.
        for (auto it = m_payments.begin(); it != m_payments.end(); ++it) {
            if (it->preferenceId == ref && it->status == u"approved" &&
                (!payment || it->id > payment->id))
                payment = &*it;
        }
        if (!payment)
            return controlError(409, QStringLiteral("no approved payment to refund"));
        payment->status = QStringLiteral("refunded");
        payment->statusDetail = QStringLiteral("refunded");
        payment->lastUpdated = now;
    } else {
        // Each attempt at the checkout is a payment of its own.
        MercadoPagoPayment created;
        created.id = ++m_nextPaymentId;
        created.preferenceId = ref;
        created.amountMinor = preference->amountMinor;
        created.currency = preference->currency;
        created.externalReference = preference->externalReference;
        created.created = now;
        created.lastUpdated = now;
        const bool approved = outcome == SimulatedOutcome::Succeeded;
        created.status = approved ? QStringLiteral("approved") : QStringLiteral("rejected");
        created.statusDetail =
            approved ? QStringLiteral("accredited") : QStringLiteral("cc_rejected_other_reason");
        payment = &*m_payments.insert(created.id, created);
    }
    return json(200, QJsonObject{{QStringLiteral("provider"), QStringLiteral("mercadopago")},
                                 {QStringLiteral("payment_id"), QString::number(payment->id)},
                                 {QStringLiteral("payment"), payment->toJson()}});
}

// --- Pix -------------------------------------------------------------------------

HttpResponse FakeProviderApi::issuePixToken(const HttpRequest &request)
{
    if (!hasCredentials(request, "Basic"))
        return json(401, QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_client")}});
    if (formFields(request.body).value(QStringLiteral("grant_type")) != u"client_credentials")
        return json(
            400, QJsonObject{{QStringLiteral("error"), QStringLiteral("unsupported_grant_type")}});
    const QByteArray token = QUuid::createUuid().toByteArray(QUuid::Id128);
    QMutexLocker lock(&m_mutex);
    m_pixTokens.insert(token);
    return json(200, QJsonObject{{QStringLiteral("access_token"), QString::fromLatin1(token)},
                                 {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                 {QStringLiteral("expires_in"), 3600},
                                 {QStringLiteral("scope"),
                                  QStringLiteral("cob.write cob.read pix.read pix.write")}});
}

bool FakeProviderApi::pixAuthorized(const HttpRequest &request) const
{
    if (!hasCredentials(request, "Bearer"))
        return false;
    QMutexLocker lock(&m_mutex);
    return m_pixTokens.contains(request.header("authorization").mid(7).trimmed());
}

HttpResponse FakeProviderApi::putPixCharge(const HttpRequest &request, const QString &txid)
{
    static const QRegularExpression txidRule(QStringLiteral("^[a-zA-Z0-9]{26,35}$"));
    if (!txidRule.match(txid).hasMatch())
        return pixProblem(400, QStringLiteral("CobOperacaoInvalida"),
                          QStringLiteral("txid: 26 a 35 caracteres alfanuméricos."));
    const auto body = parseJsonObject(request.body);
    const auto original = body ? money::parseDecimal(body->value(QStringLiteral("valor"))
                                                         .toObject()
                                                         .value(QStringLiteral("original"))
                                                         .toString(),
                                                     2)
                               : std::nullopt;
    if (!original || *original < 1)
        return pixProblem(400, QStringLiteral("CobPayloadInvalido"),
                          QStringLiteral("valor.original inválido."));
    QMutexLocker lock(&m_mutex);
    const auto existing = m_charges.constFind(txid);
    if (existing != m_charges.cend()) {
        // The same txid with the same amount is the same charge: a retry.
        if (existing->originalMinor != *original)
            return pixProblem(409, QStringLiteral("CobOperacaoInvalida"),
                              QStringLiteral("txid já utilizado com outro valor."));
        return json(200, existing->toJson());
    }
    PixCharge charge;
    charge.txid = txid;
    charge.status = QStringLiteral("ATIVA");
    charge.originalMinor = *original;
    charge.chave = body->value(QStringLiteral("chave")).toString();
    charge.solicitacaoPagador = body->value(QStringLiteral("solicitacaoPagador")).toString();
    charge.expiracao = body->value(QStringLiteral("calendario"))
                           .toObject()
                           .value(QStringLiteral("expiracao"))
                           .toInt(3600);
    charge.created = QDateTime::currentDateTimeUtc();
    charge.location =
        QStringLiteral("pix.example.com/qr/v2/") + QUuid::createUuid().toString(QUuid::Id128);
    charge.copyPaste = brCode(charge.location);
    m_charges.insert(txid, charge);
    return json(201, charge.toJson());
}

HttpResponse FakeProviderApi::settlePix(const QString &ref, SimulatedOutcome outcome)
{
    const auto it = m_charges.find(ref);
    if (it == m_charges.end())
        return controlError(404, QStringLiteral("no such cob"));
    PixCharge &charge = *it;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (outcome) {
    case SimulatedOutcome::Succeeded:
        if (charge.status != u"ATIVA")
            return controlError(409, QStringLiteral("the cob is ") + charge.status);
        charge.status = QStringLiteral("CONCLUIDA");
        charge.pix.append({endToEndId(now), charge.originalMinor, now, {}});
        break;
    case SimulatedOutcome::Failed:
        // Pix has no declined payment: an unpaid charge is removed or expires.
        if (charge.status != u"ATIVA")
            return controlError(409, QStringLiteral("the cob is ") + charge.status);
        charge.status = QStringLiteral("REMOVIDA_PELO_PSP");
        break;
    case SimulatedOutcome::Refunded: {
        // A devolução is recorded on the pix entry; the cob stays CONCLUIDA.
        if (charge.status != u"CONCLUIDA" || charge.pix.isEmpty() ||
            !charge.pix.last().devolucoes.isEmpty())
            return controlError(409, QStringLiteral("nothing to refund"));
        PixEntry &entry = charge.pix.last();
        entry.devolucoes.append(QJsonObject{
            {QStringLiteral("id"), QString(QStringLiteral("D") + randomAlnum(20))},
            {QStringLiteral("rtrId"),
             QString(QStringLiteral("D18236120") + now.toString(QStringLiteral("yyyyMMddHHmm")) +
                     randomAlnum(11))},
            {QStringLiteral("valor"), money::formatDecimal(entry.valorMinor, 2)},
            {QStringLiteral("horario"), QJsonObject{{QStringLiteral("solicitacao"), pixTime(now)},
                                                    {QStringLiteral("liquidacao"), pixTime(now)}}},
            {QStringLiteral("status"), QStringLiteral("DEVOLVIDO")}});
        break;
    }
    }
    QJsonObject answer{{QStringLiteral("provider"), QStringLiteral("pix")},
                       {QStringLiteral("txid"), charge.txid},
                       {QStringLiteral("status"), charge.status}};
    if (!charge.pix.isEmpty()) {
        const PixEntry &entry = charge.pix.last();
        answer.insert(QStringLiteral("endToEndId"), entry.endToEndId);
        answer.insert(QStringLiteral("valor"), money::formatDecimal(entry.valorMinor, 2));
        answer.insert(QStringLiteral("horario"), pixTime(entry.horario));
        if (!entry.devolucoes.isEmpty())
            answer.insert(QStringLiteral("devolucoes"), entry.devolucoes);
    }
    return json(200, answer);
}

// --- control ---------------------------------------------------------------------

HttpResponse FakeProviderApi::simulate(const HttpRequest &request, const QString &provider,
                                       const QString &ref)
{
    const auto body = parseJsonObject(request.body);
    const auto outcome =
        body ? parseSimulatedOutcome(body->value(QStringLiteral("outcome")).toString())
             : std::nullopt;
    if (!outcome)
        return controlError(
            400, QStringLiteral("send {\"outcome\": \"succeeded\" | \"failed\" | \"refunded\"}"));
    QMutexLocker lock(&m_mutex);
    if (provider == u"stripe")
        return settleStripe(ref, *outcome);
    if (provider == u"mercadopago")
        return settleMercadoPago(ref, *outcome);
    if (provider == u"pix")
        return settlePix(ref, *outcome);
    return controlError(404, QStringLiteral("provider: stripe, mercadopago or pix"));
}

} // namespace reserva
