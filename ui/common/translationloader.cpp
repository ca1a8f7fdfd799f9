#include "translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace reserva::ui {

TranslationLoader::TranslationLoader(QObject *parent)
    : QObject(parent)
{
}

QStringList TranslationLoader::availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("es"), QStringLiteral("pt_BR")};
}

QString TranslationLoader::languageFor(const QLocale &locale)
{
    if (locale.language() == QLocale::Spanish)
        return QStringLiteral("es");
    if (locale.language() == QLocale::Portuguese)
        return QStringLiteral("pt_BR");
    return QStringLiteral("en");
}

QString TranslationLoader::currentLanguage()
{
    return languageFor(QLocale());
}

QString TranslationLoader::nativeName(const QString &language)
{
    if (language == u"es")
        return QStringLiteral("Español");
    if (language == u"pt_BR")
        return QStringLiteral("Português (Brasil)");
    return QStringLiteral("English");
}

bool TranslationLoader::install(const QString &language)
{
    for (QTranslator **t : {&m_app, &m_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    QLocale::setDefault(QLocale(language));
    // English is loaded too: its file holds the plural forms ("1 seat left").
    m_app = new QTranslator(this);
    if (!m_app->load(QStringLiteral(":/i18n/reserva_") + language + QStringLiteral(".qm"))) {
        delete m_app;
        m_app = nullptr;
        return false;
    }
    QCoreApplication::installTranslator(m_app);
    if (language == u"en")
        return true;
    m_qt = new QTranslator(this);
    if (m_qt->load(QStringLiteral("qtbase_") + language,
                   QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qt);
    return true;
}

} // namespace reserva::ui
