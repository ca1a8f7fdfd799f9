#pragma once

#include "contract/identitytypes.h"
#include "core/clock.h"
#include "core/result.h"
#include "identityverifier.h"
#include "principal.h"
#include "throttle.h"

namespace reserva {

class DbConnection;
class TokenService;

struct AuthThrottleSettings
{
    ThrottleRule loginPerAddress{30, 60};      // attempts per client address per minute
    ThrottleRule loginFailuresPerUser{5, 900}; // failed attempts per username per 15 min
    ThrottleRule refreshPerAddress{120, 60};
};

struct ClientInfo
{
    QString address; // the peer address (no proxy header is trusted here)
    QString requestId;
};

// Login, refresh with rotation and reuse detection, and logout. Each runs its
// writes and audit rows in one transaction.
class AuthService
{
public:
    AuthService(TokenService &tokens, IdentityVerifier *verifier, AuthThrottleSettings throttle,
                const Clock &clock);

    Result<TokenPair> login(DbConnection &db, const QString &username, const QString &password,
                            const ClientInfo &client);
    Result<TokenPair> refresh(DbConnection &db, const QString &refreshToken,
                              const ClientInfo &client);
    Result<Done> logout(DbConnection &db, const Principal &caller, const QString &refreshToken,
                        const ClientInfo &client);

private:
    IdentityCheckOutcome checkIdentity(const struct UserRecord &user, const ClientInfo &client);
    Problem throttled(int retryAfterSeconds, const ClientInfo &client, const char *what) const;

    TokenService &m_tokens;
    IdentityVerifier *m_verifier;
    AuthThrottleSettings m_throttle;
    const Clock &m_clock;
};

} // namespace reserva
