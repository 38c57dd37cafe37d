#include "scanner/context.hpp"

#include "core/json_pointer.hpp"
#include "scanner/ascii.hpp"

#include <algorithm>

namespace veil {

namespace {

bool any_word_in(const ContextSpec& context, std::string_view text) {
  for (const std::string& word : context.words) {
    if (contains_word_ci(text, word)) {
      return true;
    }
  }
  return false;
}

// A key naming another kind of thing ("public_key", "_id") is never
// context, even when it holds a word.
bool key_excluded(const ContextSpec& context, std::string_view key) {
  return std::any_of(
      context.not_keys.begin(), context.not_keys.end(),
      [&](const std::string& word) { return contains_word_ci(key, word); });
}

// A context word in the JSON key, or for "near" in the model name.
bool in_key_or_model(const ContextSpec& context, std::string_view key,
                     std::string_view model) {
  return !key_excluded(context, key) &&
         (any_word_in(context, key) || model_is_context(context, model));
}

} // namespace

bool model_is_context(const ContextSpec& context, std::string_view model) {
  return context.where != "key" && any_word_in(context, model);
}

bool contains_word_ci(std::string_view haystack, std::string_view word) {
  auto it = std::search(
      haystack.begin(), haystack.end(), word.begin(), word.end(),
      [](char a, char b) { return ascii_lower(a) == ascii_lower(b); });
  return it != haystack.end();
}

bool context_outside_text(const ContextSpec& context, const Record& record,
                          const Field& field) {
  return in_key_or_model(context, last_key_segment(field.pointer),
                         record.model_hint);
}

bool has_context(const ContextSpec& context, const Record& record,
                 const Field& field, size_t start, size_t end) {
  if (context.words.empty()) {
    return false;
  }
  std::string key = last_key_segment(field.pointer);
  if (in_key_or_model(context, key, record.model_hint)) {
    return true;
  }
  if (context.where == "key" || key_excluded(context, key)) {
    return false;
  }
  std::string_view text = field.text;
  size_t from = start > size_t(context.window) ? start - context.window : 0;
  size_t to = std::min(text.size(), end + size_t(context.window));
  return any_word_in(context, text.substr(from, to - from));
}

} // namespace veil
