// How lines become Records: the input mode and which fields are scanned.
#pragma once

#include "core/json_pointer.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace veil {

enum class InputMode { auto_detect, jsonl, text };

struct ReaderOptions {
  InputMode mode = InputMode::auto_detect;
  std::vector<PointerPattern> fields; // --field; empty: every string
  bool scan_keys = false;             // --scan-keys
  std::string id_field = "/id";       // --id-field
  std::string segment_field;          // --segment-by, --split-by; "" = none

  // Whether the value at pointer is scanned (--field).
  bool selected(std::string_view pointer) const {
    if (fields.empty()) {
      return true;
    }
    for (const PointerPattern& p : fields) {
      if (p.matches(pointer)) {
        return true;
      }
    }
    return false;
  }
};

} // namespace veil
