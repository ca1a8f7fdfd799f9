#pragma once

#include <QLocale>
#include <QObject>
#include <QStringList>

class QTranslator;

namespace reserva::ui {

// Installs the app's translation (compiled into the binary) and Qt's own
// (standard dialog buttons) for a language. Replacing the
// language at runtime removes the previous translators first.
class TranslationLoader final : public QObject
{
    Q_OBJECT
public:
    explicit TranslationLoader(QObject *parent = nullptr);

    // "en", "es", "pt_BR".
    static QStringList availableLanguages();
    // Picks the best available language for `locale` ("es_AR" -> "es").
    static QString languageFor(const QLocale &locale);
    // The language shown now (the default locale's, which install() sets).
    static QString currentLanguage();
    // The language's name in itself: "Español", never translated.
    static QString nativeName(const QString &language);
    // Returns false when the app's translation for `language` is missing.
    bool install(const QString &language);

private:
    QTranslator *m_app = nullptr;
    QTranslator *m_qt = nullptr;
};

} // namespace reserva::ui
