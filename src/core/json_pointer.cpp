#include "core/json_pointer.hpp"

#include "core/errors.hpp"

#include <algorithm>

namespace veil {

namespace {

std::vector<std::string_view> split_segments(std::string_view pointer) {
  std::vector<std::string_view> out;
  if (pointer.empty()) {
    return out;
  }
  size_t pos = 1;
  while (true) {
    size_t slash = pointer.find('/', pos);
    if (slash == std::string_view::npos) {
      out.push_back(pointer.substr(pos));
      return out;
    }
    out.push_back(pointer.substr(pos, slash - pos));
    pos = slash + 1;
  }
}

// Matches pattern segments [pi..] against a prefix of pointer segments
// [si..]. "**" backtracks, which is fine for the handful of segments a pointer
// has.
bool match_from(const std::vector<std::string>& pat, size_t pi,
                const std::vector<std::string_view>& segs, size_t si) {
  if (pi == pat.size()) {
    return true; // a pattern selects its node and everything below it
  }
  if (pat[pi] == "**") {
    for (size_t k = si; k <= segs.size(); ++k) {
      if (match_from(pat, pi + 1, segs, k)) {
        return true;
      }
    }
    return false;
  }
  if (si == segs.size()) {
    return false;
  }
  if (pat[pi] != "*" && pat[pi] != segs[si]) {
    return false;
  }
  return match_from(pat, pi + 1, segs, si + 1);
}

} // namespace

void append_pointer_segment(std::string& pointer, std::string_view key) {
  pointer += '/';
  if (std::none_of(key.begin(), key.end(),
                   [](char c) { return c == '~' || c == '/'; })) {
    pointer += key; // nearly every key: one copy, not a byte at a time
    return;
  }
  for (char c : key) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
}

void append_pointer_index(std::string& pointer, size_t index) {
  pointer += '/';
  pointer += std::to_string(index);
}

namespace {

bool is_index(std::string_view segment) {
  // A plain loop: find_first_not_of calls memchr once per byte.
  for (char c : segment) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return !segment.empty();
}

} // namespace

std::string_view last_key_segment_escaped(std::string_view pointer) {
  size_t slash = pointer.rfind('/');
  while (slash != std::string_view::npos && slash > 0 &&
         is_index(pointer.substr(slash + 1))) {
    pointer = pointer.substr(0, slash);
    slash = pointer.rfind('/');
  }
  return slash == std::string_view::npos ? pointer : pointer.substr(slash + 1);
}

void last_key_segment(std::string_view pointer, std::string& out) {
  std::string_view seg = last_key_segment_escaped(pointer);
  out.clear();
  for (;;) {
    size_t tilde = seg.find('~'); // nearly every key has none
    out.append(seg.substr(0, tilde));
    if (tilde == std::string_view::npos) {
      return;
    }
    out += seg.substr(tilde + 1).starts_with('1') ? '/' : '~';
    seg = seg.substr(std::min(tilde + 2, seg.size()));
  }
}

std::string last_key_segment(std::string_view pointer) {
  std::string out;
  last_key_segment(pointer, out);
  return out;
}

PointerPattern::PointerPattern(std::string_view pattern) {
  if (!pattern.empty() && pattern.front() != '/') {
    throw UsageError("--field " + std::string(pattern) +
                     ": a JSON Pointer starts with '/'");
  }
  for (std::string_view seg : split_segments(pattern)) {
    m_segments.emplace_back(seg);
  }
}

bool PointerPattern::matches(std::string_view pointer) const {
  return match_from(m_segments, 0, split_segments(pointer), 0);
}

} // namespace veil
