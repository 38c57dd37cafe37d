// The reference for veil's throughput: what simdjson ondemand alone costs to
// visit every string value and object key of every JSONL line. Shared by
// veil_simdjson_pass (scripts/bench) and the micro-suite (veil_bench).
//
// Lines are parsed in place (simdjson reads up to SIMDJSON_PADDING bytes
// past a line, which here are the next lines or the block's padding), keys
// and strings are unescaped and their lengths summed so that the work
// cannot be optimized away. Numbers, booleans and null inside a document
// are skipped, not parsed: that is less than veil's reader does (it checks
// them). A line that is not one JSON value counts as invalid.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace veil::bench {

struct WalkTotals {
  uint64_t lines = 0;   // lines that are not empty
  uint64_t invalid = 0; // of which simdjson refused
  uint64_t strings = 0; // string values and keys visited
  uint64_t string_bytes = 0;
};

namespace detail {

inline simdjson::error_code walk_value(simdjson::ondemand::value value,
                                       WalkTotals& totals);

inline simdjson::error_code walk_object(simdjson::ondemand::object object,
                                        WalkTotals& totals) {
  for (auto field : object) {
    std::string_view key;
    if (auto err = field.unescaped_key().get(key)) {
      return err;
    }
    ++totals.strings;
    totals.string_bytes += key.size();
    simdjson::ondemand::value value;
    if (auto err = field.value().get(value)) {
      return err;
    }
    if (auto err = walk_value(value, totals)) {
      return err;
    }
  }
  return simdjson::SUCCESS;
}

inline simdjson::error_code walk_array(simdjson::ondemand::array array,
                                       WalkTotals& totals) {
  for (auto element : array) {
    simdjson::ondemand::value value;
    if (auto err = element.get(value)) {
      return err;
    }
    if (auto err = walk_value(value, totals)) {
      return err;
    }
  }
  return simdjson::SUCCESS;
}

inline simdjson::error_code add_string(std::string_view text,
                                       WalkTotals& totals) {
  ++totals.strings;
  totals.string_bytes += text.size();
  return simdjson::SUCCESS;
}

// A value or a document: objects, arrays and strings are walked, other
// types skipped (*handled false). Depth is bounded by the parser.
template <typename Node>
simdjson::error_code walk_node(Node& node, simdjson::ondemand::json_type type,
                               WalkTotals& totals, bool* handled = nullptr) {
  if (handled != nullptr) {
    *handled = true;
  }
  switch (type) {
  case simdjson::ondemand::json_type::object: {
    simdjson::ondemand::object object;
    if (auto err = node.get_object().get(object)) {
      return err;
    }
    return walk_object(object, totals);
  }
  case simdjson::ondemand::json_type::array: {
    simdjson::ondemand::array array;
    if (auto err = node.get_array().get(array)) {
      return err;
    }
    return walk_array(array, totals);
  }
  case simdjson::ondemand::json_type::string: {
    std::string_view text;
    if (auto err = node.get_string().get(text)) {
      return err;
    }
    return add_string(text, totals);
  }
  default:
    if (handled != nullptr) {
      *handled = false;
    }
    return simdjson::SUCCESS; // skipped by the next field or element
  }
}

inline simdjson::error_code walk_value(simdjson::ondemand::value value,
                                       WalkTotals& totals) {
  simdjson::ondemand::json_type type;
  if (auto err = value.type().get(type)) {
    return err;
  }
  return walk_node(value, type, totals);
}

inline simdjson::error_code walk_document(simdjson::ondemand::document& doc,
                                          WalkTotals& totals) {
  simdjson::ondemand::json_type type;
  if (auto err = doc.type().get(type)) {
    return err;
  }
  bool handled = false;
  simdjson::error_code walked = walk_node(doc, type, totals, &handled);
  if (handled) {
    return walked;
  }
  switch (type) {
  // type() looks at the first byte only: a scalar line is parsed so that a
  // text line ("2024-04-18T17:14:25Z INFO ...") counts as invalid.
  case simdjson::ondemand::json_type::number: {
    auto err = doc.get_double().error();
    return err == simdjson::NUMBER_OUT_OF_RANGE ? simdjson::SUCCESS : err;
  }
  case simdjson::ondemand::json_type::boolean:
    return doc.get_bool().error();
  case simdjson::ondemand::json_type::null: {
    bool is_null = false;
    auto err = doc.is_null().get(is_null);
    return err ? err : is_null ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
  }
  default:
    return simdjson::INCORRECT_TYPE; // walked above
  }
}

} // namespace detail

// One line (without its terminator); `capacity` bytes from `data` are
// readable, at least size + SIMDJSON_PADDING.
inline void walk_line(simdjson::ondemand::parser& parser, const char* data,
                      size_t size, size_t capacity, WalkTotals& totals) {
  if (size == 0) {
    return;
  }
  ++totals.lines;
  simdjson::ondemand::document doc;
  simdjson::error_code err =
      parser.iterate(simdjson::padded_string_view(data, size, capacity))
          .get(doc);
  if (!err) {
    err = detail::walk_document(doc, totals);
  }
  // A location still in bounds after the root value: trailing content.
  if (!err && !doc.current_location().error()) {
    err = simdjson::TRAILING_CONTENT;
  }
  if (err) {
    ++totals.invalid;
  }
}

// Every line of [data, data + size): '\n'-separated, a final line may lack
// it, a '\r' before it is dropped. `capacity` as for walk_line.
inline void walk_lines(simdjson::ondemand::parser& parser, const char* data,
                       size_t size, size_t capacity, WalkTotals& totals) {
  size_t begin = 0;
  while (begin < size) {
    const void* nl = std::memchr(data + begin, '\n', size - begin);
    size_t end =
        nl != nullptr ? size_t(static_cast<const char*>(nl) - data) : size;
    size_t line_end = end;
    if (line_end > begin && data[line_end - 1] == '\r') {
      --line_end;
    }
    walk_line(parser, data + begin, line_end - begin, capacity - begin, totals);
    begin = end + 1;
  }
}

} // namespace veil::bench
