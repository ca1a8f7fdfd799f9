#include "databaseendpoint.h"

namespace reserva {

DatabaseEndpoint::~DatabaseEndpoint()
{
    close();
}

bool DatabaseEndpoint::open(const QString &databaseUrl, const QString &dataDir, bool durable,
                            QString *error)
{
    if (!databaseUrl.isEmpty()) {
        const auto settings = ConnectionSettings::fromUrl(databaseUrl, error);
        if (!settings)
            return false;
        m_settings = *settings;
        return true;
    }
    LocalPostgres::Options options;
    options.dataDir = dataDir;
    options.durable = durable;
    m_local = std::make_unique<LocalPostgres>(options);
    if (!m_local->start(error)) {
        m_local.reset();
        return false;
    }
    m_settings = m_local->connectionSettings();
    return true;
}

void DatabaseEndpoint::close()
{
    if (m_local) {
        m_local->stop();
        m_local.reset();
    }
}

} // namespace reserva
