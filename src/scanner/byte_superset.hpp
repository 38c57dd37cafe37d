// Rewrites an RE2 pattern into a byte-level regex for Vectorscan whose
// language is a superset of the original's: wherever RE2 finds a match in
// a text, the rewritten pattern matches too. Vectorscan then only says
// "this rule may match here" and RE2 still decides every match.
//
// Why not hand Vectorscan the pattern itself: in UTF-8 mode it compiles
// bounded repeats of Unicode classes (`[^\]]{0,300}`) for minutes. In byte
// mode every compile takes milliseconds; the price is that a non-ASCII
// class becomes "any UTF-8 sequence" and large repeats lose their bounds,
// which only lets a few more candidates through.
#pragma once

#include "scanner/anchor_shape.hpp"

#include <bitset>
#include <optional>
#include <string>
#include <string_view>

namespace veil {

// How close a superset byte_superset() writes. The default suits
// Vectorscan, which compiles large bounded repeats and long byte sequences
// slowly: a bound over 8 becomes unbounded, a range of more than 8
// non-ASCII characters any non-ASCII character, and ^ and $ under (?m)
// nothing. superset_dfa.hpp reads a closer one.
struct SupersetForm {
  int max_bound = 8;
  bool utf8_ranges = false;  // non-ASCII ranges as their UTF-8 sequences
  bool line_anchors = false; // ^ and $ under (?m) as (?m:^) and (?m:$)
};

// nullopt when the pattern uses syntax this rewriter does not know; the
// rule then runs on every text (its keywords still apply).
std::optional<std::string> byte_superset(std::string_view re2_pattern,
                                         const SupersetForm& form = {});

// Characters of three kinds, and bytes, that every match of the pattern in
// which capture group `group` takes part holds at least (0 when unknown): a
// text with fewer cannot give a finding, so the rule need not run.
struct MinCounts {
  int digits = 0;    // ASCII 0-9
  int upper = 0;     // ASCII A-Z, matched case-sensitively
  int non_ascii = 0; // characters outside ASCII: a byte >= 0x80 each
  int bytes = 0;     // of the whole match
};
MinCounts min_counts(std::string_view re2_pattern, int group = 0);

// How digits, capitals and the bytes of non-ASCII characters lie in the
// pattern's matches, min_counts() of any match and of a match in which
// capture group `group` takes part, from one parse; nullopt for syntax
// this parser does not know.
using ByteSet = std::bitset<256>;
struct RegexShape {
  AnchorShapes shapes;
  MinCounts need;
  MinCounts group_need;
  ByteSet bytes; // every byte a match may hold (a superset)
  // Bytes every match in which the group takes part holds one of (unset:
  // none known); of the sets that would do, the rarest in text.
  std::optional<ByteSet> group_must;
};
std::optional<RegexShape> regex_shape(std::string_view re2_pattern,
                                      int group = 0);

// A Vectorscan pattern matching exactly these bytes.
std::string literal_pattern(std::string_view bytes);

// A byte_superset() as RE2 is to run it in Latin-1 mode: "(?:^|)" in
// front, which matches everywhere, keeps RE2 from seeking a literal prefix
// with memchr. In Latin-1 mode (RE2 2022-06-01) it looks for a factored
// non-ASCII prefix by its UTF-8 bytes and misses it, as
// (?:\xe2\x80\xaa|\xe2\x80\xae) does "\xe2\x80\xaa".
std::string latin1_re2_pattern(std::string_view superset);

} // namespace veil
