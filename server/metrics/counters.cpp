#include "counters.h"

namespace reserva {

Counters &counters()
{
    static Counters instance;
    return instance;
}

} // namespace reserva
