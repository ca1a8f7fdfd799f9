#include "tenantrequests.h"

#include "contract/jsonreader.h"

#include <QRegularExpression>

namespace reserva::tenantrequests {

namespace {

using Presence = JsonObjectReader::Presence;

bool isValidSlug(const QString &slug)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9-]{1,62}\\z"));
    return pattern.match(slug).hasMatch();
}

} // namespace

Result<NewTenant> readCreate(const QJsonObject &body)
{
    JsonObjectReader reader(body);
    const auto slug = reader.string(QStringLiteral("slug"), Presence::Required, {2, 63});
    const auto name = reader.string(QStringLiteral("name"), Presence::Required, {1, 200});
    if (slug && !isValidSlug(*slug))
        reader.addError(QStringLiteral("slug"),
                        QStringLiteral("must be lower-case letters, digits and dashes"));
    if (name && name->trimmed().isEmpty())
        reader.addError(QStringLiteral("name"), QStringLiteral("must not be blank"));
    if (auto problem = reader.finish())
        return *problem;
    return NewTenant{*slug, name->trimmed()};
}

} // namespace reserva::tenantrequests
