#include "reader/jsonl_reader.hpp"

#include "core/json_pointer.hpp"

#include <cstring>

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

std::string_view last_segment(std::string_view pointer) {
  size_t slash = pointer.rfind('/');
  return slash == std::string_view::npos ? pointer : pointer.substr(slash + 1);
}

// type() only looks at the first byte: parse the scalar to know that "tru"
// or "1x2" is not JSON. Numbers beyond double range are still valid JSON.
template <typename Value>
error_code check_scalar(Value& value, od::json_type type) {
  switch (type) {
  case od::json_type::number: {
    error_code err = value.get_double().error();
    return err == simdjson::NUMBER_OUT_OF_RANGE ? simdjson::SUCCESS : err;
  }
  case od::json_type::boolean:
    return value.get_bool().error();
  case od::json_type::null: {
    bool is_null = false;
    error_code err = value.is_null().get(is_null);
    return err ? err : is_null ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
  }
  default:
    return simdjson::INCORRECT_TYPE;
  }
}

} // namespace

JsonlReader::JsonlReader(const ReaderOptions& options) : m_options(options) {}

static_assert(simdjson::SIMDJSON_PADDING <= k_read_ahead);

JsonOutcome JsonlReader::read(Record& record) {
  m_record = &record;
  if (record.readable_after) {
    m_base = record.content.data(); // no second copy of the input
  } else {
    m_buffer.assign(record.content);
    m_buffer.append(simdjson::SIMDJSON_PADDING, '\0');
    m_base = m_buffer.data();
  }
  m_pointer.clear();
  od::document doc;
  error_code err =
      m_parser
          .iterate(m_base, record.content.size(),
                   record.content.size() + simdjson::SIMDJSON_PADDING)
          .get(doc);
  od::json_type type = od::json_type::null;
  if (!err) {
    err = doc.type().get(type);
  }
  if (!err) {
    err = walk_root(doc, type);
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

// simdjson refuses get_value() on a scalar document ("text" or 42 on a line
// of its own), so those are visited here.
error_code JsonlReader::walk_root(od::document& doc, od::json_type type) {
  if (type == od::json_type::object || type == od::json_type::array) {
    od::value root;
    if (error_code err = doc.get_value().get(root)) {
      return err;
    }
    return walk(root, 0);
  }
  if (type != od::json_type::string) {
    return check_scalar(doc, type);
  }
  std::string_view raw = trim_token(doc.raw_json_token());
  std::string_view text;
  if (error_code err = doc.get_string().get(text)) {
    return err;
  }
  add_string(raw, text);
  return simdjson::SUCCESS;
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
    if (m_pointer == m_options.id_field && type != od::json_type::null) {
      m_record->record_id.assign(trim_token(value.raw_json_token()));
    }
    if (!m_options.segment_field.empty() &&
        m_pointer == m_options.segment_field && type != od::json_type::null) {
      m_record->segment.assign(trim_token(value.raw_json_token()));
      m_record->has_segment = true;
    }
    return check_scalar(value, type);
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
    if (m_options.scan_keys && m_options.selected(m_pointer)) {
      add_key(key_open, key);
    }
    // Every value is visited, selected or not: simdjson only balances
    // brackets when skipping, and a line is JSON only if all of it parses.
    if (error_code err = walk(field.value(), depth)) {
      return err;
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
    if (error_code err = walk(value, depth)) {
      return err;
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
  add_string(raw, text);
  return simdjson::SUCCESS;
}

void JsonlReader::add_string(std::string_view raw, std::string_view text) {
  std::string_view key = last_segment(m_pointer);
  if (is_model_hint_key(key)) {
    m_record->model_hint.append(text).push_back(' ');
  }
  if (m_pointer == m_options.id_field) {
    m_record->record_id.assign(text);
  }
  if (!m_options.segment_field.empty() &&
      m_pointer == m_options.segment_field) {
    m_record->segment.assign(text);
    m_record->has_segment = true;
  }
  if (key == "role") {
    m_record->roles.emplace_back(m_pointer.substr(0, m_pointer.size() - 5),
                                 std::string(text));
  }
  if (!m_options.selected(m_pointer)) {
    return;
  }
  Field& field = m_record->fields.add(m_pointer, m_record->content.size());
  field.raw_begin = offset_of(raw.data());
  field.raw_end = offset_of(raw.data() + raw.size());
  field.text = content_or_kept(raw, text);
  field.is_json = true;
}

void JsonlReader::add_key(const char* open, std::string_view key) {
  const char* limit = m_base + m_record->content.size();
  Field& out = m_record->fields.add(m_pointer, m_record->content.size());
  out.raw_begin = offset_of(open);
  const char* close = string_token_end(open, limit);
  out.raw_end = offset_of(close);
  out.text = content_or_kept(std::string_view(open, size_t(close - open)), key);
  out.is_json = true;
  out.is_key = true;
}

std::string_view JsonlReader::content_or_kept(std::string_view token,
                                              std::string_view text) const {
  // Every escape decodes to fewer bytes than it takes, so a text as long as
  // its token's body is that body.
  if (token.size() == text.size() + 2) {
    return m_record->content.substr(offset_of(token.data()) + 1, text.size());
  }
  return m_record->fields.keep(text, m_record->content.size());
}

uint32_t JsonlReader::offset_of(const char* p) const {
  return static_cast<uint32_t>(p - m_base);
}

} // namespace veil
