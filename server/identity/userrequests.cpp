#include "userrequests.h"

#include "contract/jsonreader.h"
#include "domain/role.h"

#include <QRegularExpression>

namespace reserva::userrequests {

namespace {

using Presence = JsonObjectReader::Presence;

bool matches(const QString &pattern, const QString &value)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(value).hasMatch();
}

void validateRoles(JsonObjectReader &reader, const QStringList &roles)
{
    if (roles.isEmpty()) {
        reader.addError(QStringLiteral("roles"), QStringLiteral("must name at least one role"));
        return;
    }
    for (const QString &r : roles) {
        if (!role::isKnown(r)) {
            reader.addError(
                QStringLiteral("roles"),
                QStringLiteral("must be among admin, partner_manager, partner_staff, auditor"));
            return;
        }
    }
    QStringList unique = roles;
    if (unique.removeDuplicates() > 0)
        reader.addError(QStringLiteral("roles"), QStringLiteral("must not repeat a role"));
}

void checkDocumentType(JsonObjectReader &reader, const QString &type)
{
    if (!matches(QStringLiteral("[a-z_]{2,16}"), type))
        reader.addError(QStringLiteral("document_type"),
                        QStringLiteral("must be lower-case letters"));
}

void checkDocumentNumber(JsonObjectReader &reader, const QString &number)
{
    if (!matches(QStringLiteral("[A-Za-z0-9.-]{3,32}"), number))
        reader.addError(QStringLiteral("document_number"),
                        QStringLiteral("may hold letters, digits, dots and dashes"));
}

} // namespace

Result<NewUserRequest> readCreate(const QJsonObject &body)
{
    JsonObjectReader reader(body);
    const auto username = reader.string(QStringLiteral("username"), Presence::Required, {3, 64});
    const auto password = reader.string(QStringLiteral("password"), Presence::Required, {10, 256});
    const auto roles = reader.stringList(QStringLiteral("roles"), Presence::Required, {1, 32}, 4);
    const auto tenantText =
        reader.string(QStringLiteral("tenant_id"), Presence::Optional, {36, 36});
    const auto documentType =
        reader.string(QStringLiteral("document_type"), Presence::Optional, {2, 16});
    const auto documentNumber =
        reader.string(QStringLiteral("document_number"), Presence::Optional, {3, 32});
    if (username && !matches(QStringLiteral("[A-Za-z0-9._@-]{3,64}"), *username))
        reader.addError(QStringLiteral("username"),
                        QStringLiteral("may hold letters, digits and . _ @ -"));
    if (roles)
        validateRoles(reader, *roles);
    QUuid tenantId;
    if (tenantText) {
        tenantId = QUuid::fromString(*tenantText);
        if (tenantId.isNull())
            reader.addError(QStringLiteral("tenant_id"), QStringLiteral("must be a UUID"));
    }
    if (documentType)
        checkDocumentType(reader, *documentType);
    if (documentNumber)
        checkDocumentNumber(reader, *documentNumber);
    if (documentType.has_value() != documentNumber.has_value())
        reader.addError(QStringLiteral("document_number"),
                        QStringLiteral("document_type and document_number go together"));
    if (auto problem = reader.finish())
        return *problem;
    return NewUserRequest{*username,
                          *password,
                          *roles,
                          tenantId,
                          documentType.value_or(QString()),
                          documentNumber.value_or(QString())};
}

Result<UserPatch> readChanges(const QJsonObject &body)
{
    JsonObjectReader reader(body);
    UserPatch patch;
    UserChanges &changes = patch.changes;
    changes.roles = reader.stringList(QStringLiteral("roles"), Presence::Optional, {1, 32}, 4);
    changes.active = reader.boolean(QStringLiteral("active"), Presence::Optional);
    patch.password = reader.string(QStringLiteral("password"), Presence::Optional, {10, 256});
    changes.documentType =
        reader.string(QStringLiteral("document_type"), Presence::Optional, {0, 16});
    changes.documentNumber =
        reader.string(QStringLiteral("document_number"), Presence::Optional, {0, 32});
    if (changes.roles)
        validateRoles(reader, *changes.roles);
    // "" clears a document field.
    if (changes.documentType && !changes.documentType->isEmpty())
        checkDocumentType(reader, *changes.documentType);
    if (changes.documentNumber && !changes.documentNumber->isEmpty())
        checkDocumentNumber(reader, *changes.documentNumber);
    if (body.isEmpty())
        reader.addError(QStringLiteral("(body)"), QStringLiteral("names no change"));
    if (auto problem = reader.finish())
        return *problem;
    return patch;
}

} // namespace reserva::userrequests
