#pragma once

#include "contract/problem.h"

#include <utility>
#include <variant>

namespace reserva {

// Expected failures (sold out, bad signature, key reuse) travel as values: a
// Result holds either the value or the Problem that maps to one HTTP answer.
// Exceptions stay for bugs.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {
    }
    Result(Problem problem)
        : m_state(std::move(problem))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const T &operator*() const & { return value(); }

    const Problem &problem() const { return std::get<Problem>(m_state); }

private:
    std::variant<T, Problem> m_state;
};

// For operations that succeed with nothing to return.
struct Done
{
};

} // namespace reserva
