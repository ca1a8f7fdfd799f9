#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace reserva::test {

// Path of a file under tests/data (RESERVA_TEST_DATA_DIR, set by CTest).
QString testDataPath(const QString &relative);
QByteArray readTestData(const QString &relative);
// One of the known-answer vector files copied from the team's shared/vectors.
QJsonObject loadVector(const QString &fileName);

} // namespace reserva::test
