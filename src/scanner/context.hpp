// Context words raise a match's confidence, or are required for it: they are
// looked for (case-insensitively) within the rule's window around the match,
// in the JSON key that holds the value ("deepseek_api_key") and in the
// record's model/provider fields ("model": "deepseek-chat").
#pragma once

#include "core/record.hpp"
#include "rules/rule_spec.hpp"

#include <string_view>

namespace veil {

bool has_context(const ContextSpec& context, const Record& record,
                 const Field& field, size_t start, size_t end);

// Whether has_context() may hold for a match in field when no context word
// is in the field's text: one is in the JSON key or, for "near", the
// record's model name, and no not_keys word is in the key.
bool context_outside_text(const ContextSpec& context, const Record& record,
                          const Field& field);

// Whether the record's model name can be context for a match: it holds one
// of the words and the rule looks beyond the JSON key.
bool model_is_context(const ContextSpec& context, std::string_view model);

bool contains_word_ci(std::string_view haystack, std::string_view word);

} // namespace veil
