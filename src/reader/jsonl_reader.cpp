#include "reader/jsonl_reader.hpp"

#include <cstring>

#include "core/json_pointer.hpp"

namespace veil {

namespace od = simdjson::ondemand;
using simdjson::error_code;

namespace {

// Nesting deeper than this is refused (the line is scanned as text) so a
// hostile line cannot exhaust the stack.
constexpr size_t k_max_depth = 512;

// Record fields that name the model or provider: context for rules such as
// DeepSeek keys, whose format alone is ambiguous.
bool is_model_hint_key(std::string_view key) {
  return key == "model" || key == "base_url" || key == "provider" ||
         key == "api_base" || key == "engine" || key == "endpoint";
}

// A raw token from simdjson runs up to the next token: trim the whitespace.
std::string_view trim_token(std::string_view token) {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t' ||
                            token.back() == '\n' || token.back() == '\r')) {
    token.remove_suffix(1);
  }
  return token;
}

// End of a string token that starts at `open` (the opening quote).
const char* string_token_end(const char* open, const char* limit) {
  for (const char* p = open + 1; p < limit; ++p) {
    if (*p == '\\') {
      ++p;
    } else if (*p == '"') {
      return p + 1;
    }
  }
  return limit;
}

} // namespace

JsonlReader::JsonlReader(const ReaderOptions& options) : m_options(options) {}

JsonOutcome JsonlReader::read(Record& record) {
  m_record = &record;
  m_buffer.assign(record.content);
  m_buffer.append(simdjson::SIMDJSON_PADDING, '\0');
  m_pointer.clear();
  od::document doc;
  error_code err = m_parser
                       .iterate(m_buffer.data(), record.content.size(),
                                m_buffer.size())
                       .get(doc);
  od::value root;
  if (!err) {
    err = doc.get_value().get(root);
  }
  if (!err) {
    err = walk(root, 0);
  }
  // simdjson 3.0 has no document::at_end(): a location still in bounds
  // after the root value means trailing content ("{} {}").
  if (!err && !doc.current_location().error()) {
    err = simdjson::TRAILING_CONTENT;
  }
  if (err == simdjson::UTF8_ERROR) {
    return JsonOutcome::invalid_utf8;
  }
  return err ? JsonOutcome::invalid_json : JsonOutcome::ok;
}

error_code JsonlReader::walk(od::value value, size_t depth) {
  if (depth > k_max_depth) {
    return simdjson::DEPTH_ERROR;
  }
  od::json_type type;
  if (error_code err = value.type().get(type)) {
    return err;
  }
  switch (type) {
  case od::json_type::object: {
    od::object object;
    if (error_code err = value.get_object().get(object)) {
      return err;
    }
    return walk_object(object, depth + 1);
  }
  case od::json_type::array: {
    od::array array;
    if (error_code err = value.get_array().get(array)) {
      return err;
    }
    return walk_array(array, depth + 1);
  }
  case od::json_type::string:
    return visit_string(value);
  default:
    visit_scalar(value);
    return simdjson::SUCCESS;
  }
}

error_code JsonlReader::walk_object(od::object object, size_t depth) {
  size_t base = m_pointer.size();
  for (auto member : object) {
    od::field field;
    if (error_code err = std::move(member).get(field)) {
      return err;
    }
    // unescaped_key() consumes the raw key: keep where its token starts.
    const char* key_open = field.key().raw() - 1;
    std::string_view key;
    if (error_code err = field.unescaped_key().get(key)) {
      return err;
    }
    append_pointer_segment(m_pointer, key);
    if (m_options.scan_keys && selected(m_pointer)) {
      add_key(key_open, key);
    }
    // Unvisited values are skipped by simdjson, but still validated.
    if (subtree_selected(m_pointer) || is_model_hint_key(key) ||
        m_pointer == m_options.id_field || key == "role") {
      if (error_code err = walk(field.value(), depth)) {
        return err;
      }
    }
    m_pointer.resize(base);
  }
  return simdjson::SUCCESS;
}

error_code JsonlReader::walk_array(od::array array, size_t depth) {
  size_t base = m_pointer.size();
  size_t index = 0;
  for (auto element : array) {
    od::value value;
    if (error_code err = std::move(element).get(value)) {
      return err;
    }
    append_pointer_index(m_pointer, index++);
    if (subtree_selected(m_pointer)) {
      if (error_code err = walk(value, depth)) {
        return err;
      }
    }
    m_pointer.resize(base);
  }
  return simdjson::SUCCESS;
}

error_code JsonlReader::visit_string(od::value value) {
  std::string_view raw = trim_token(value.raw_json_token());
  std::string_view text;
  if (error_code err = value.get_string().get(text)) {
    return err;
  }
  std::string_view key = std::string_view(m_pointer).substr(
      m_pointer.rfind('/') == std::string::npos ? 0 : m_pointer.rfind('/') + 1);
  if (is_model_hint_key(key)) {
    m_record->model_hint.append(text).push_back(' ');
  }
  if (m_pointer == m_options.id_field) {
    m_record->record_id.assign(text);
  }
  if (key == "role") {
    m_record->roles.emplace_back(m_pointer.substr(0, m_pointer.size() - 5),
                                 std::string(text));
  }
  if (!selected(m_pointer)) {
    return simdjson::SUCCESS;
  }
  Field field;
  field.pointer = m_pointer;
  field.raw_begin = offset_of(raw.data());
  field.raw_end = offset_of(raw.data() + raw.size());
  field.text.assign(text);
  field.is_json = true;
  m_record->fields.push_back(std::move(field));
  return simdjson::SUCCESS;
}

void JsonlReader::visit_scalar(od::value value) {
  if (m_pointer == m_options.id_field) {
    m_record->record_id.assign(trim_token(value.raw_json_token()));
  }
}

void JsonlReader::add_key(const char* open, std::string_view key) {
  const char* limit = m_buffer.data() + m_record->content.size();
  Field out;
  out.pointer = m_pointer;
  out.raw_begin = offset_of(open);
  out.raw_end = offset_of(string_token_end(open, limit));
  out.text.assign(key);
  out.is_json = true;
  out.is_key = true;
  m_record->fields.push_back(std::move(out));
}

bool JsonlReader::selected(const std::string& pointer) const {
  if (m_options.fields.empty()) {
    return true;
  }
  for (const PointerPattern& p : m_options.fields) {
    if (p.matches(pointer)) {
      return true;
    }
  }
  return false;
}

bool JsonlReader::subtree_selected(const std::string& pointer) const {
  if (m_options.fields.empty()) {
    return true;
  }
  for (const PointerPattern& p : m_options.fields) {
    if (p.may_match_below(pointer)) {
      return true;
    }
  }
  return false;
}

uint32_t JsonlReader::offset_of(const char* p) const {
  return static_cast<uint32_t>(p - m_buffer.data());
}

} // namespace veil
