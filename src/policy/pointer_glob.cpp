#include "policy/pointer_glob.hpp"

#include "core/errors.hpp"

namespace veil::policy {

namespace {

using Segments = std::vector<std::string_view>;

// Glob match of one segment where "*" matches any run of characters.
bool segment_matches(std::string_view glob, std::string_view text) {
  size_t star = glob.find('*');
  if (star == std::string_view::npos) {
    return glob == text;
  }
  if (text.substr(0, star) != glob.substr(0, star)) {
    return false;
  }
  std::string_view rest = glob.substr(star + 1);
  for (size_t i = star; i <= text.size(); ++i) {
    if (segment_matches(rest, text.substr(i))) {
      return true;
    }
  }
  return false;
}

// Deepest k such that glob [gi..] matches segs [si..k) exactly, or -1.
// "**" backtracks; pointers and globs have a handful of segments.
int deepest(const std::vector<std::string>& glob, size_t gi,
            const Segments& segs, size_t si) {
  if (gi == glob.size()) {
    return static_cast<int>(si);
  }
  if (glob[gi] == "**") {
    int best = -1;
    for (size_t k = si; k <= segs.size(); ++k) {
      best = std::max(best, deepest(glob, gi + 1, segs, k));
    }
    return best;
  }
  if (si == segs.size() || !segment_matches(glob[gi], segs[si])) {
    return -1;
  }
  return deepest(glob, gi + 1, segs, si + 1);
}

// True when all of segs is consumed with glob segments left over, i.e. the
// glob goes on below the pointer.
bool goes_below(const std::vector<std::string>& glob, size_t gi,
                const Segments& segs, size_t si) {
  if (si == segs.size()) {
    return gi < glob.size();
  }
  if (gi == glob.size()) {
    return false;
  }
  if (glob[gi] == "**") {
    // "**" may swallow the rest of the pointer and still go below it.
    return true;
  }
  return segment_matches(glob[gi], segs[si]) &&
         goes_below(glob, gi + 1, segs, si + 1);
}

} // namespace

std::vector<std::string_view> pointer_segments(std::string_view pointer) {
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

PointerGlob::PointerGlob(std::string_view glob) : m_text(glob) {
  std::string full(glob);
  if (full.rfind("**/", 0) == 0 || full == "**") {
    full.insert(0, "/");
  }
  if (!full.empty() && full.front() != '/') {
    throw UsageError("path " + m_text +
                     ": a JSON Pointer starts with '/' (or '**/')");
  }
  for (std::string_view seg : pointer_segments(full)) {
    m_segments.emplace_back(seg);
  }
}

int PointerGlob::match_depth(std::string_view pointer) const {
  Segments segs = pointer_segments(pointer);
  int best = -1;
  // The glob names the pointer itself or one of its ancestors.
  for (size_t len = 0; len <= segs.size(); ++len) {
    Segments prefix(segs.begin(), segs.begin() + static_cast<long>(len));
    if (deepest(m_segments, 0, prefix, 0) == static_cast<int>(len)) {
      best = static_cast<int>(len);
    }
  }
  return best;
}

bool PointerGlob::could_match_below(std::string_view pointer) const {
  return goes_below(m_segments, 0, pointer_segments(pointer), 0);
}

} // namespace veil::policy
