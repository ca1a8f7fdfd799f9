#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace reserva {

// Wire types of the identity API, (de)serialized by both ends with this code.

struct TenantView
{
    QUuid id;
    QString slug;
    QString name;
    QDateTime createdAt;

    QJsonObject toJson() const;
    static std::optional<TenantView> fromJson(const QJsonObject &o);
};

struct UserView
{
    QUuid id;
    QString username;
    QStringList roles;
    QUuid tenantId;
    bool active = true;
    QString documentType;     // the kind of identity document on file, if any
    bool hasDocument = false; // the number itself never leaves the server
    bool identityVerified = false;
    QString identityCheckOutcome; // verified | rejected | unavailable | not_configured | ""
    QDateTime identityCheckedAt;
    QDateTime createdAt;
    QDateTime updatedAt;

    QJsonObject toJson() const;
    static std::optional<UserView> fromJson(const QJsonObject &o);
};

struct TokenPair
{
    QString accessToken;
    QString refreshToken;
    int expiresIn = 0; // seconds

    QJsonObject toJson() const;
    static std::optional<TokenPair> fromJson(const QJsonObject &o);
};

} // namespace reserva
