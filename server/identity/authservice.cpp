#include "authservice.h"

#include "audit/auditlog.h"
#include "crypto/digest.h"
#include "crypto/randombytes.h"
#include "db/dbconnection.h"
#include "db/transaction.h"
#include "log/jsonlog.h"
#include "metrics/counters.h"
#include "passwordhasher.h"
#include "refreshtokenstore.h"
#include "tokenservice.h"
#include "userstore.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAuth, "reserva.identity.auth")

namespace reserva {

namespace {

QString resourceOf(const char *kind, const QUuid &id)
{
    return QLatin1String(kind) + u':' + id.toString(QUuid::WithoutBraces);
}

Problem invalidCredentials()
{
    return Problem(ProblemType::InvalidCredentials);
}

Problem invalidRefreshToken()
{
    return Problem(ProblemType::InvalidToken, QStringLiteral("The refresh token is not valid."));
}

} // namespace

AuthService::AuthService(TokenService &tokens, IdentityVerifier *verifier,
                         AuthThrottleSettings throttle, const Clock &clock)
    : m_tokens(tokens)
    , m_verifier(verifier)
    , m_throttle(throttle)
    , m_clock(clock)
{
}

Problem AuthService::throttled(int retryAfterSeconds, const ClientInfo &client,
                               const char *what) const
{
    counters().throttledRequests++;
    qCInfo(lcAuth, "request %s: %s throttled", qUtf8Printable(client.requestId), what);
    Problem p(ProblemType::TooManyRequests, QStringLiteral("Too many attempts; retry later."));
    p.retryAfterSeconds = retryAfterSeconds;
    return p;
}

IdentityCheckOutcome AuthService::checkIdentity(const UserRecord &user, const ClientInfo &client)
{
    if (!m_verifier || user.documentNumber.isEmpty())
        return IdentityCheckOutcome::NotConfigured;
    return m_verifier->check({user.view.documentType, user.documentNumber}, client.requestId);
}

Result<TokenPair> AuthService::login(DbConnection &db, const QString &username,
                                     const QString &password, const ClientInfo &client)
{
    const QDateTime now = m_clock.now();
    // Throttle before any expensive work: per address, then per username.
    const ThrottleDecision byAddress =
        throttle::hit(db, throttle::addressBucket(QStringLiteral("login"), client.address),
                      m_throttle.loginPerAddress, now);
    if (!byAddress.allowed)
        return throttled(byAddress.retryAfterSeconds, client, "login by address");
    // The attempt is counted against the username BEFORE the password is
    // checked, in one atomic upsert: a read-then-count would let a burst of
    // concurrent guesses all see the counter under the limit and all get a
    // try. A successful login resets the bucket below.
    const QString userBucket = throttle::usernameBucket(QStringLiteral("login-fail"), username);
    const ThrottleDecision byUser =
        throttle::hit(db, userBucket, m_throttle.loginFailuresPerUser, now);
    if (!byUser.allowed)
        return throttled(byUser.retryAfterSeconds, client, "login by username");

    const std::optional<UserRecord> user = userstore::findByUsername(db, username);
    bool passwordOk = false;
    if (user)
        passwordOk = PasswordHasher::verify(password, user->passwordHash);
    else
        PasswordHasher::spendVerifyTime(); // same cost whether or not the user exists

    if (!user || !passwordOk || !user->view.active) {
        counters().loginFailures++;
        Transaction tx(db);
        AuditEvent event;
        event.action = QStringLiteral("auth.login");
        event.outcome = AuditOutcome::Failure;
        event.requestId = client.requestId;
        // The attempted username is not recorded (it may be an email: PII);
        // a known account is identified by its id.
        if (user) {
            event.actor = user->view.id.toString(QUuid::WithoutBraces);
            event.resource = resourceOf("user", user->view.id);
            event.tenantId = user->view.tenantId;
        }
        event.detail = {
            {QStringLiteral("reason"),
             !user ? QStringLiteral("unknown_user")
                   : (!passwordOk ? QStringLiteral("bad_password") : QStringLiteral("inactive"))}};
        appendAudit(db, event, now);
        tx.commit();
        return invalidCredentials();
    }

    // Identity is re-validated at every login, outside any transaction (no
    // lock is held while a remote API takes its time).
    const IdentityCheckOutcome identity = checkIdentity(*user, client);
    const bool verified = identity == IdentityCheckOutcome::Verified;
    if (identity == IdentityCheckOutcome::Unavailable) {
        counters().identityVerificationDegraded++;
        jsonlog::write(
            {{QStringLiteral("level"), QStringLiteral("warning")},
             {QStringLiteral("kind"), QStringLiteral("alert")},
             {QStringLiteral("alert"), QStringLiteral("identity_verification_unavailable")},
             {QStringLiteral("request_id"), client.requestId},
             {QStringLiteral("actor"), user->view.id.toString(QUuid::WithoutBraces)}});
    } else if (identity == IdentityCheckOutcome::Rejected) {
        counters().identityVerificationRejected++;
    }

    const QByteArray refreshToken = randomToken();
    {
        Transaction tx(db);
        if (identity != IdentityCheckOutcome::NotConfigured || user->view.identityVerified)
            userstore::recordIdentityCheck(db, user->view.id, identityCheckOutcomeName(identity),
                                           verified, now);
        const QUuid family = refreshtokenstore::createFamily(db, user->view.id, now);
        refreshtokenstore::insert(db, family, sha256(refreshToken), now,
                                  now.addSecs(m_tokens.settings().refreshTokenSeconds));
        AuditEvent event;
        event.action = QStringLiteral("auth.login");
        event.actor = user->view.id.toString(QUuid::WithoutBraces);
        event.resource = resourceOf("user", user->view.id);
        event.tenantId = user->view.tenantId;
        event.requestId = client.requestId;
        event.detail = {{QStringLiteral("identity"), identityCheckOutcomeName(identity)},
                        {QStringLiteral("token_family"), family.toString(QUuid::WithoutBraces)}};
        appendAudit(db, event, now);
        if (identity == IdentityCheckOutcome::Unavailable) {
            AuditEvent degraded = event;
            degraded.action = QStringLiteral("identity.verification");
            degraded.outcome = AuditOutcome::Error;
            degraded.detail = {{QStringLiteral("result"), QStringLiteral("unavailable")},
                               {QStringLiteral("mode"), QStringLiteral("degraded_unverified")}};
            appendAudit(db, degraded, now);
        }
        tx.commit();
    }
    throttle::reset(db, userBucket);

    UserView view = user->view;
    const auto access = m_tokens.issueAccessToken(view);
    if (!access)
        return Problem(ProblemType::ServiceUnavailable,
                       QStringLiteral("No signing key is available."));
    return TokenPair{QString::fromLatin1(*access), QString::fromLatin1(refreshToken),
                     m_tokens.settings().accessTokenSeconds};
}

Result<TokenPair> AuthService::refresh(DbConnection &db, const QString &refreshToken,
                                       const ClientInfo &client)
{
    const QDateTime now = m_clock.now();
    const ThrottleDecision byAddress =
        throttle::hit(db, throttle::addressBucket(QStringLiteral("refresh"), client.address),
                      m_throttle.refreshPerAddress, now);
    if (!byAddress.allowed)
        return throttled(byAddress.retryAfterSeconds, client, "refresh by address");

    Transaction tx(db);
    const auto token = refreshtokenstore::findForUpdate(db, sha256(refreshToken.toLatin1()));
    if (!token)
        return invalidRefreshToken();
    if (token->familyRevokedAt.isValid())
        return invalidRefreshToken();
    if (token->rotatedAt.isValid()) {
        // Reuse: this token was already exchanged, so either the client or an
        // attacker holds a stolen copy. Kill the whole family (RFC 9700 4.14.2).
        refreshtokenstore::revokeFamily(db, token->familyId, QStringLiteral("reuse_detected"), now);
        counters().refreshTokenReuseDetected++;
        AuditEvent event;
        event.action = QStringLiteral("auth.token_family.revoke");
        event.actor = token->userId.toString(QUuid::WithoutBraces);
        event.resource = resourceOf("token_family", token->familyId);
        event.requestId = client.requestId;
        event.detail = {{QStringLiteral("reason"), QStringLiteral("reuse_detected")}};
        appendAudit(db, event, now);
        tx.commit();
        qCWarning(lcAuth, "request %s: refresh token reuse detected; family revoked",
                  qUtf8Printable(client.requestId));
        return invalidRefreshToken();
    }
    if (token->expiresAt <= now)
        return invalidRefreshToken();
    const auto user = userstore::findById(db, token->userId);
    if (!user || !user->view.active) {
        refreshtokenstore::revokeFamily(db, token->familyId, QStringLiteral("user_disabled"), now);
        tx.commit();
        return invalidRefreshToken();
    }
    const QByteArray next = randomToken();
    refreshtokenstore::markRotated(db, token->id, now);
    refreshtokenstore::insert(db, token->familyId, sha256(next), now,
                              now.addSecs(m_tokens.settings().refreshTokenSeconds));
    tx.commit();

    // Roles and tenant come fresh from the database: a role change takes
    // effect at the next refresh.
    const auto access = m_tokens.issueAccessToken(user->view);
    if (!access)
        return Problem(ProblemType::ServiceUnavailable,
                       QStringLiteral("No signing key is available."));
    return TokenPair{QString::fromLatin1(*access), QString::fromLatin1(next),
                     m_tokens.settings().accessTokenSeconds};
}

Result<Done> AuthService::logout(DbConnection &db, const Principal &caller,
                                 const QString &refreshToken, const ClientInfo &client)
{
    const QDateTime now = m_clock.now();
    Transaction tx(db);
    const auto token = refreshtokenstore::findForUpdate(db, sha256(refreshToken.toLatin1()));
    // Someone else's token is treated as unknown: no oracle for other sessions.
    if (!token || token->userId != caller.userId)
        return Problem(ProblemType::NotFound, QStringLiteral("Unknown refresh token."));
    if (refreshtokenstore::revokeFamily(db, token->familyId, QStringLiteral("logout"), now)) {
        AuditEvent event;
        event.action = QStringLiteral("auth.logout");
        event.actor = caller.subject();
        event.tenantId = caller.tenantId;
        event.resource = resourceOf("token_family", token->familyId);
        event.requestId = client.requestId;
        appendAudit(db, event, now);
    }
    tx.commit();
    return Done{};
}

} // namespace reserva
