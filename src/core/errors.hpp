// The few error types veil throws, each with one exit code. main.cpp is the
// only place that catches them; it prints "veil: <what>" and exits with
// exit_code(). The per-record hot path never throws for bad input: bad input
// becomes a finding or a counted diagnostic instead.
#pragma once

#include <stdexcept>
#include <string>

namespace veil {

enum class ExitCode : int {
  ok = 0,       // nothing at or above --fail-on
  findings = 1, // findings at or above --fail-on
  usage = 2,    // bad command line, rule file or policy
  input = 3,    // unreadable input, write failure
};

class Error : public std::runtime_error {
public:
  Error(ExitCode code, const std::string& what)
      : std::runtime_error(what), m_code(code) {}
  ExitCode code() const { return m_code; }

private:
  ExitCode m_code;
};

// Bad flags or arguments (exit 2).
class UsageError : public Error {
public:
  explicit UsageError(const std::string& what) : Error(ExitCode::usage, what) {}
};

// A rule file that does not load or compile (exit 2). The message already
// holds "FILE:LINE:COL: rule ID: what is wrong".
class RuleError : public Error {
public:
  explicit RuleError(const std::string& what) : Error(ExitCode::usage, what) {}
};

// Input or output that cannot be read or written (exit 3). The message holds
// "FILE:LINE: what happened" when a line is known, never the line itself.
class InputError : public Error {
public:
  explicit InputError(const std::string& what) : Error(ExitCode::input, what) {}
};

} // namespace veil
