#pragma once

#include <QString>

#include <optional>

namespace reserva {

// Finds a PostgreSQL server installation (initdb, pg_ctl, postgres in one
// directory): $RESERVA_PG_BINDIR, then PATH, then `pg_config --bindir`, then
// the distributions' versioned directories (/usr/lib/postgresql/*/bin, newest
// first; Homebrew and the Windows installer's folders on those systems).
struct PostgresBinaries
{
    QString binDir;
    QString initdb() const;
    QString pgCtl() const;
    QString pgDump() const;
    QString pgRestore() const;

    static std::optional<PostgresBinaries> locate(QString *error);
};

} // namespace reserva
