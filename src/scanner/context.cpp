#include "scanner/context.hpp"

#include "core/json_pointer.hpp"

#include <algorithm>

namespace veil {

namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? char(c + 32) : c;
}

bool any_word_in(const ContextSpec& context, std::string_view text) {
  for (const std::string& word : context.words) {
    if (contains_word_ci(text, word)) {
      return true;
    }
  }
  return false;
}

} // namespace

bool contains_word_ci(std::string_view haystack, std::string_view word) {
  auto it =
      std::search(haystack.begin(), haystack.end(), word.begin(), word.end(),
                  [](char a, char b) { return lower(a) == lower(b); });
  return it != haystack.end();
}

bool context_outside_text(const ContextSpec& context, const Record& record,
                          const Field& field) {
  std::string key = last_key_segment(field.pointer);
  for (const std::string& word : context.not_keys) {
    if (contains_word_ci(key, word)) {
      return false;
    }
  }
  return any_word_in(context, key) ||
         (context.where != "key" && any_word_in(context, record.model_hint));
}

bool has_context(const ContextSpec& context, const Record& record,
                 const Field& field, size_t start, size_t end) {
  if (context.words.empty()) {
    return false;
  }
  std::string key = last_key_segment(field.pointer);
  for (const std::string& word : context.not_keys) {
    if (contains_word_ci(key, word)) {
      return false;
    }
  }
  if (context.where == "key") {
    return any_word_in(context, key);
  }
  std::string_view text = field.text;
  size_t from = start > size_t(context.window) ? start - context.window : 0;
  size_t to = std::min(text.size(), end + size_t(context.window));
  return any_word_in(context, text.substr(from, to - from)) ||
         any_word_in(context, key) || any_word_in(context, record.model_hint);
}

} // namespace veil
