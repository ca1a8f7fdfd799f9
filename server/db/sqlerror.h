#pragma once

#include <QSqlError>
#include <QString>

#include <stdexcept>

class QSqlQuery;

namespace reserva {

// SQLSTATE codes the stores react to (PostgreSQL appendix A).
namespace sqlstate {
inline constexpr auto kUniqueViolation = "23505";
inline constexpr auto kForeignKeyViolation = "23503";
inline constexpr auto kCheckViolation = "23514";
inline constexpr auto kInsufficientPrivilege = "42501";
inline constexpr auto kLockNotAvailable = "55P03";
inline constexpr auto kQueryCanceled = "57014";
inline constexpr auto kSerializationFailure = "40001";
inline constexpr auto kDeadlockDetected = "40P01";
inline constexpr auto kRaiseException = "P0001";
} // namespace sqlstate

// An unexpected database failure (connection lost, timeout, a bug in SQL). It
// unwinds to the HTTP boundary, where the Transaction holder has rolled back
// and the request gets a 503/500 problem with the detail only in the log.
// Expected outcomes (a duplicate key meaning "already exists") are checked by
// the stores before they would throw.
class DatabaseFailure : public std::runtime_error
{
public:
    DatabaseFailure(const QString &context, const QSqlError &error);
    QString sqlState() const { return m_sqlState; }
    // The connection itself is gone or timed out: retrying later may work (503).
    bool isTransient() const;

private:
    QString m_sqlState;
    bool m_connectionError = false;
};

QString sqlState(const QSqlError &error);
bool isSqlState(const QSqlError &error, const char *state);

// Executes a prepared, bound query; throws DatabaseFailure when it fails.
void execOrThrow(QSqlQuery &query, const char *context);
// Executes a fixed statement with no parameters.
void execOrThrow(QSqlQuery &query, const QString &sql, const char *context);

} // namespace reserva
