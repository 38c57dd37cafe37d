// Gives each Field of a JSON record its chat role and direction, from the
// shapes LLM APIs use: OpenAI/DeepSeek chat (messages[].role, choices[]
// .message / .delta, reasoning_content, tool_calls), the Responses API
// (input[] / output[] items), Anthropic (system, content blocks, top-level
// role of a response) and prompt/completion or input/output pairs.
#pragma once

#include "core/record.hpp"

namespace veil {

void assign_roles(Record& record);
// One field's role: `role` (from a "role" key), else the one its record's
// top-level key gives it ("prompt": user), else none.
void assign_role(Field& field, std::string_view role);

Direction direction_of_role(std::string_view role);

} // namespace veil
