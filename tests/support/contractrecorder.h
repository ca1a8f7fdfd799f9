#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace reserva::test {

struct TestResponse;

// Records every response a TestHttpClient receives, once enabled, and checks
// it against the OpenAPI document (OpenApiContract::checkResponse). A suite
// opts in from initTestCase() and fails in cleanupTestCase() when a response
// broke the contract:
//
//     void initTestCase() { test::ContractRecorder::enable(); ... }
//     void cleanupTestCase() { ...; RESERVA_VERIFY_RECORDED_RESPONSES(); }
//
// The environment variable RESERVA_RECORD_RESPONSES=1 enables it from the
// start in any suite, which then logs each mismatch; only a suite that calls
// verify() fails on them.
class ContractRecorder
{
public:
    static void enable();
    static void disable();
    static bool isEnabled();

    // Called by TestHttpClient for each answered request; thread-safe.
    static void record(const QByteArray &method, const QString &target,
                       const TestResponse &response);

    // How many responses were checked, and the mismatches found so far.
    static int recordedCount();
    static QStringList mismatches();
    // Empties both.
    static void reset();
    // True when every recorded response matched (and, when enabled, at least
    // one was recorded). `report` receives the mismatches joined, for
    // QVERIFY2; record() has logged each already (qWarning).
    static bool verify(QString *report = nullptr);
};

} // namespace reserva::test

// In a Qt Test function (cleanupTestCase): fails it with the mismatches.
#define RESERVA_VERIFY_RECORDED_RESPONSES()                                                        \
    do {                                                                                           \
        QString contractReport_;                                                                   \
        QVERIFY2(::reserva::test::ContractRecorder::verify(&contractReport_),                      \
                 qPrintable(contractReport_));                                                     \
    } while (false)
