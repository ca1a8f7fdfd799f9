#include "pixclient.h"

#include "domain/money.h"
#include "outboundhttp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSslKey>

Q_LOGGING_CATEGORY(lcPix, "reserva.providers.pix")

namespace reserva {

PixClient::PixClient(OutboundHttp &http, const PixSettings &settings, int timeoutMs)
    : m_http(http)
    , m_settings(settings)
    , m_timeoutMs(timeoutMs)
{
    if (!m_settings.clientCertFile.isEmpty() && !m_settings.clientKeyFile.isEmpty()) {
        QFile keyFile(m_settings.clientKeyFile);
        const QList<QSslCertificate> certs = QSslCertificate::fromPath(m_settings.clientCertFile);
        if (certs.isEmpty() || !keyFile.open(QIODevice::ReadOnly)) {
            qCCritical(lcPix, "the Pix client certificate or key cannot be read");
        } else {
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.setLocalCertificate(certs.first());
            ssl.setPrivateKey(QSslKey(&keyFile, QSsl::Rsa));
            ssl.setProtocol(QSsl::TlsV1_2OrLater);
            m_ssl = ssl;
        }
    }
}

QString PixClient::txidFor(const QUuid &intentId)
{
    // 32 hex digits: within the 26..35 alphanumeric range of a cob txid.
    return intentId.toString(QUuid::Id128);
}

QList<QPair<QByteArray, QByteArray>> PixClient::authorizedHeaders(const QByteArray &token) const
{
    return {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
}

std::optional<QByteArray> PixClient::accessToken()
{
    QMutexLocker lock(&m_tokenMutex);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_token.isEmpty() && m_tokenExpiry > now)
        return m_token;
    OutboundRequest out;
    out.method = "POST";
    out.url = m_settings.apiBase.resolved(QUrl(QStringLiteral("oauth/token")));
    out.timeoutMs = m_timeoutMs;
    out.ssl = m_ssl;
    out.headers = {
        {"Authorization",
         "Basic " + (m_settings.clientId + u':' + m_settings.clientSecret).toUtf8().toBase64()},
        {"Content-Type", "application/x-www-form-urlencoded"}};
    out.body = "grant_type=client_credentials";
    const OutboundResponse response = m_http.send(out);
    if (!response.completed || response.status != 200)
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(response.body).object();
    const QByteArray token = o.value(QStringLiteral("access_token")).toString().toUtf8();
    if (token.isEmpty())
        return std::nullopt;
    m_token = token;
    // Renew a minute early so a request never starts with a dying token.
    m_tokenExpiry = now.addSecs(qMax(0, o.value(QStringLiteral("expires_in")).toInt(300) - 60));
    return m_token;
}

ChargeResult PixClient::createCharge(const ChargeRequest &request)
{
    ChargeResult result;
    if (request.currency != u"BRL") {
        result.outcome = ChargeResult::Outcome::Refused;
        result.error = QStringLiteral("pix charges are in BRL");
        return result;
    }
    const auto token = accessToken();
    if (!token) {
        result.error = QStringLiteral("pix: no OAuth token");
        return result;
    }
    const QString txid = txidFor(request.intentId);
    const QJsonObject body{
        {QStringLiteral("calendario"), QJsonObject{{QStringLiteral("expiracao"), 3600}}},
        {QStringLiteral("valor"),
         QJsonObject{{QStringLiteral("original"), money::formatDecimal(request.amountMinor, 2)}}},
        {QStringLiteral("chave"), m_settings.pixKey},
        {QStringLiteral("solicitacaoPagador"), request.description.left(140)},
    };
    OutboundRequest out;
    out.method = "PUT";
    out.url = m_settings.apiBase.resolved(QUrl(QStringLiteral("v2/cob/") + txid));
    out.timeoutMs = m_timeoutMs;
    out.ssl = m_ssl;
    out.headers = authorizedHeaders(*token);
    out.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const OutboundResponse response = m_http.send(out);
    if (!response.completed || response.status >= 500 || response.status == 429) {
        result.error = QStringLiteral("pix: %1 %2").arg(response.status).arg(response.error);
        return result;
    }
    const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
    if (response.status != 200 && response.status != 201) {
        result.outcome = ChargeResult::Outcome::Refused;
        result.error = QStringLiteral("pix refused (%1)").arg(response.status);
        return result;
    }
    result.providerRef = answer.value(QStringLiteral("txid")).toString();
    result.pixCopyPaste = answer.value(QStringLiteral("pixCopiaECola")).toString();
    if (result.providerRef != txid || result.pixCopyPaste.isEmpty()) {
        result.error = QStringLiteral("pix answered with another txid or no copy-and-paste code");
        return result;
    }
    result.outcome = ChargeResult::Outcome::Created;
    return result;
}

ProviderPaymentState PixClient::fetchCharge(const QString &txid, const QString &endToEndId)
{
    ProviderPaymentState state;
    const auto token = accessToken();
    if (!token)
        return state;
    OutboundRequest out;
    out.method = "GET";
    out.url = m_settings.apiBase.resolved(
        QUrl(QStringLiteral("v2/cob/") + QString::fromLatin1(QUrl::toPercentEncoding(txid))));
    out.timeoutMs = m_timeoutMs;
    out.ssl = m_ssl;
    out.headers = authorizedHeaders(*token);
    const OutboundResponse response = m_http.send(out);
    if (response.completed && response.status == 404) {
        state.fetch = ProviderPaymentState::Fetch::NotFound;
        return state;
    }
    if (!response.completed || response.status != 200)
        return state;
    const QJsonObject cob = QJsonDocument::fromJson(response.body).object();
    state.id = cob.value(QStringLiteral("txid")).toString();
    state.status = cob.value(QStringLiteral("status")).toString();
    state.currency = QStringLiteral("BRL");
    if (state.id != txid || state.status.isEmpty())
        return state;
    // The amount that counts is the one of the pix entry this callback named.
    for (const QJsonValue &v : cob.value(QStringLiteral("pix")).toArray()) {
        const QJsonObject pix = v.toObject();
        if (pix.value(QStringLiteral("endToEndId")).toString() != endToEndId)
            continue;
        const auto amount = money::parseDecimal(pix.value(QStringLiteral("valor")).toString(), 2);
        if (!amount)
            return state;
        // Its devoluções (refunds): only the settled ones count; one whose
        // amount cannot be read makes the whole answer unreadable.
        qint64 refunded = 0;
        for (const QJsonValue &d : pix.value(QStringLiteral("devolucoes")).toArray()) {
            const QJsonObject devolucao = d.toObject();
            const auto valor =
                money::parseDecimal(devolucao.value(QStringLiteral("valor")).toString(), 2);
            if (!valor)
                return state;
            if (devolucao.value(QStringLiteral("status")).toString() == u"DEVOLVIDO")
                refunded += *valor;
        }
        state.endToEndId = endToEndId;
        state.amountMinor = *amount;
        state.refundedMinor = refunded;
    }
    state.fetch = ProviderPaymentState::Fetch::Found;
    return state;
}

} // namespace reserva
