#include "clock.h"

namespace reserva {

const Clock &SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

} // namespace reserva
