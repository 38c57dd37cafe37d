// Gives each Field of a JSON record its chat role and direction, from the
// shapes LLM APIs use: OpenAI/DeepSeek chat (messages[].role, choices[]
// .message / .delta, reasoning_content, tool_calls), the Responses API
// (input[] / output[] items), Anthropic (system, content blocks, top-level
// role of a response) and prompt/completion or input/output pairs.
#pragma once

#include "core/record.hpp"

namespace veil {

void assign_roles(Record& record);

Direction direction_of_role(std::string_view role);
// The role a record's top-level key gives its fields ("prompt": user), or "".
std::string_view shape_role(std::string_view pointer);

} // namespace veil
