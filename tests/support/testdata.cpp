#include "testdata.h"

#include <QFile>
#include <QJsonDocument>
#include <QtTest>

namespace reserva::test {

QString testDataPath(const QString &relative)
{
    const QString dir = qEnvironmentVariable("RESERVA_TEST_DATA_DIR");
    if (dir.isEmpty())
        qFatal("RESERVA_TEST_DATA_DIR is not set: run the tests through ctest");
    return dir + u'/' + relative;
}

QByteArray readTestData(const QString &relative)
{
    QFile f(testDataPath(relative));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(f.fileName()));
    return f.readAll();
}

QJsonObject loadVector(const QString &fileName)
{
    return QJsonDocument::fromJson(readTestData(QStringLiteral("vectors/") + fileName)).object();
}

} // namespace reserva::test
