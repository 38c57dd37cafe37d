// --expect-json: in JSON-output mode every assistant answer must parse as
// one JSON value (surrounding whitespace allowed). A fenced ```json block or
// a sentence before the object breaks the application that parses it, so
// both are findings. Reasoning, tool-call arguments and streaming deltas
// are not answers and are not checked.
#pragma once

#include "core/record.hpp"

#include <string_view>

namespace veil {

// Whether the field holds an assistant answer: direction output and a
// content-like key (content, text, completion, output, response, answer),
// not under tool_calls, function_call or a streaming delta.
bool is_answer_field(const Field& field);

bool parses_as_json(std::string_view text);

} // namespace veil
