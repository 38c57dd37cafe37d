#include "scanner/decoders.hpp"

#include "core/json_string.hpp"
#include "scanner/ascii.hpp"
#include "scanner/injection_encoded.hpp"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace veil {

namespace {

// Shorter base64/hex runs decode to a handful of bytes: too short to hide
// a credential or an instruction, and common in ordinary text.
constexpr size_t k_min_base64 = 20;
constexpr size_t k_min_hex = 32;

constexpr int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') {
    return c - 'A';
  }
  if (c >= 'a' && c <= 'z') {
    return c - 'a' + 26;
  }
  if (c >= '0' && c <= '9') {
    return c - '0' + 52;
  }
  if (c == '+' || c == '-') {
    return 62;
  }
  if (c == '/' || c == '_') {
    return 63;
  }
  return -1;
}

// Readable: valid UTF-8, and at most a few control characters besides
// white space. Random binary (a git SHA read as hex) fails this.
bool readable(std::string_view s) {
  if (s.size() < 4 || !simdjson::validate_utf8(s.data(), s.size())) {
    return false;
  }
  size_t control = 0;
  for (unsigned char c : s) {
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
      ++control;
    }
  }
  return control * 20 <= s.size();
}

std::string decode_base64(std::string_view s) {
  std::string out;
  uint32_t bits = 0;
  int count = 0;
  for (char c : s) {
    int v = base64_value(c);
    if (v < 0) {
      break; // '=' padding
    }
    bits = (bits << 6) | uint32_t(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += char((bits >> count) & 0xFF);
    }
  }
  return out;
}

std::string decode_hex(std::string_view s) {
  std::string out;
  for (size_t i = 0; i + 1 < s.size(); i += 2) {
    out += char(hex_value(s[i]) * 16 + hex_value(s[i + 1]));
  }
  return out;
}

// %XX, \uXXXX, \xNN and HTML entities within one run of non-space bytes.
std::string decode_escapes(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
        hex_value(s[i + 2]) >= 0) {
      out += char(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 3;
    } else if (c == '\\' && i + 5 < s.size() && s[i + 1] == 'u') {
      uint32_t cp = 0;
      bool ok = true;
      for (size_t k = i + 2; k < i + 6; ++k) {
        ok = ok && hex_value(s[k]) >= 0;
        cp = cp * 16 + uint32_t(std::max(0, hex_value(s[k])));
      }
      if (!ok) {
        out += c;
        ++i;
        continue;
      }
      append_utf8(out, cp);
      i += 6;
    } else if (c == '\\' && i + 3 < s.size() && s[i + 1] == 'x' &&
               hex_value(s[i + 2]) >= 0 && hex_value(s[i + 3]) >= 0) {
      out += char(hex_value(s[i + 2]) * 16 + hex_value(s[i + 3]));
      i += 4;
    } else if (c == '&') {
      size_t semi = s.find(';', i);
      std::string_view entity =
          semi == std::string_view::npos ? "" : s.substr(i + 1, semi - i - 1);
      static constexpr std::array<std::pair<std::string_view, char>, 5>
          k_named = {{{"amp", '&'},
                      {"lt", '<'},
                      {"gt", '>'},
                      {"quot", '"'},
                      {"apos", '\''}}};
      bool done = false;
      for (const auto& [name, ch] : k_named) {
        if (entity == name) {
          out += ch;
          done = true;
        }
      }
      if (!done && entity.size() > 1 && entity.size() < 9 && entity[0] == '#') {
        bool hex = entity[1] == 'x' || entity[1] == 'X';
        uint32_t cp = 0;
        for (char d : entity.substr(hex ? 2 : 1)) {
          int v = hex ? hex_value(d) : (d >= '0' && d <= '9' ? d - '0' : -1);
          if (v < 0 || cp > 0x10FFFF) {
            cp = 0x110000;
            break;
          }
          cp = cp * (hex ? 16 : 10) + uint32_t(v);
        }
        if (cp > 0 && cp <= 0x10FFFF) {
          append_utf8(out, cp);
          done = true;
        }
      }
      if (done) {
        i = semi + 1;
      } else {
        out += c;
        ++i;
      }
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

bool has_escape(std::string_view s) {
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if ((s[i] == '%' && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) ||
        (s[i] == '\\' && (s[i + 1] == 'u' || s[i + 1] == 'x')) ||
        (s[i] == '&' && (s[i + 1] == '#' || s.find(';', i) != s.npos))) {
      return true;
    }
  }
  return false;
}

// What a byte can be in a run, looked up once a byte (find_encoded runs
// on every text).
enum : uint8_t {
  k_space = 1,  // ends a run: white space and quotes
  k_hex = 2,    // hex digit
  k_base64 = 4, // base64 or base64url character, or '=' padding
  k_escape = 8, // may start an escape: % \ &
};

constexpr std::array<uint8_t, 256> k_byte_classes = [] {
  std::array<uint8_t, 256> table{};
  for (int b = 0; b < 256; ++b) {
    char c = char(b);
    uint8_t cls = 0;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '"' ||
        c == '\'') {
      cls |= k_space;
    }
    if (hex_value(c) >= 0) {
      cls |= k_hex;
    }
    if (base64_value(c) >= 0 || c == '=') {
      cls |= k_base64;
    }
    if (c == '%' || c == '\\' || c == '&') {
      cls |= k_escape;
    }
    table[size_t(b)] = cls;
  }
  return table;
}();

uint8_t byte_class(char c) {
  return k_byte_classes[static_cast<uint8_t>(c)];
}

// Whether a text that starts with `prefix` can be readable(): its whole
// UTF-8 sequences are valid (the last one may go on past the prefix).
bool may_start_readable(std::string_view prefix) {
  size_t whole = prefix.size();
  for (size_t back = 1; back <= 3 && back <= prefix.size(); ++back) {
    const auto c = static_cast<unsigned char>(prefix[prefix.size() - back]);
    if ((c & 0xC0) == 0x80) {
      continue; // a continuation byte: its lead is further back
    }
    const size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (length > back) {
      whole = prefix.size() - back;
    }
    break;
  }
  return simdjson::validate_utf8(prefix.data(), whole);
}

void add(std::vector<DecodedSpan>& out, size_t start, size_t end,
         std::string text, const char* kind) {
  if (end - start <= k_max_encoded_bytes && readable(text)) {
    out.push_back(
        DecodedSpan{uint32_t(start), uint32_t(end), std::move(text), kind});
  }
}

// One whitespace-delimited run: the cheapest reading that applies. `all`
// holds the classes every byte of it has, `any` those some byte has.
void decode_run(std::string_view text, size_t start, size_t end, uint8_t all,
                uint8_t any, std::vector<DecodedSpan>& out) {
  if (end - start > k_max_encoded_bytes) {
    return; // add() would drop its reading: not worth making
  }
  std::string_view run = text.substr(start, end - start);
  if ((any & k_escape) != 0 && has_escape(run)) {
    std::string decoded = decode_escapes(run);
    if (decoded != run) {
      add(out, start, end, std::move(decoded), "escapes");
    }
    return;
  }
  if (run.size() < std::min(k_min_hex, k_min_base64)) {
    return;
  }
  // Most long runs are ids, hashes and words that decode to binary: the
  // first bytes decoded (no more than a short string holds) rule those out
  // before the whole run is.
  if ((all & k_hex) != 0 && run.size() >= k_min_hex && run.size() % 2 == 0) {
    if (may_start_readable(decode_hex(run.substr(0, 28)))) {
      add(out, start, end, decode_hex(run), "hex");
    }
  } else if ((all & k_base64) != 0 && run.size() >= k_min_base64) {
    if (may_start_readable(decode_base64(run.substr(0, 20)))) {
      add(out, start, end, decode_base64(run), "base64");
    }
  }
}

// Per byte of a 64-byte block, one bit each: the bytes that end a run
// (white space or a quote) and those that may start an escape (% \ &);
// bits past the end of text are clear. Most of a text is short words, so
// runs are found 64 bytes at a time, not with a branch on every byte: SSE2
// is in every x86-64 CPU; elsewhere the byte table does it.
struct RunBits {
  uint64_t spaces = 0;
  uint64_t escapes = 0;
};

RunBits run_bits(std::string_view text, size_t block) {
  const PaddedBlock padded(text, block, 'x'); // a byte in every run
  const char* p = padded.data();
  RunBits bits;
#if defined(__SSE2__)
  for (size_t k = 0; k < 4; ++k) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    auto eq = [&](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
    __m128i space = _mm_or_si128(_mm_or_si128(_mm_or_si128(eq(' '), eq('\n')),
                                              _mm_or_si128(eq('\t'), eq('\r'))),
                                 _mm_or_si128(eq('"'), eq('\'')));
    __m128i escape = _mm_or_si128(_mm_or_si128(eq('%'), eq('\\')), eq('&'));
    bits.spaces |= uint64_t(uint32_t(_mm_movemask_epi8(space))) << (16 * k);
    bits.escapes |= uint64_t(uint32_t(_mm_movemask_epi8(escape))) << (16 * k);
  }
#else
  for (size_t i = 0; i < 64; ++i) {
    bits.spaces |= uint64_t((byte_class(p[i]) & k_space) != 0) << i;
    bits.escapes |= uint64_t((byte_class(p[i]) & k_escape) != 0) << i;
  }
#endif
  return bits;
}

// The bits from..63 of a block (none when from is 64).
uint64_t bits_from(size_t from) {
  return from >= 64 ? 0 : ~uint64_t(0) << from;
}

// Bits from..to-1 of a block.
uint64_t bits_between(size_t from, size_t to) {
  return bits_from(from) & ~bits_from(to);
}

// Bit i set when bytes i..i+7 of the block are all in a run (no white space
// or quote): where a run long enough to decode can start.
uint64_t eight_in_run(uint64_t spaces) {
  uint64_t in_run = ~spaces;
  in_run &= in_run >> 1;
  in_run &= in_run >> 2;
  return in_run & in_run >> 4;
}

// The run [start, end) when it is long enough to hide anything: short runs
// are words. A run too short for hex or base64 is read only for escapes,
// and `escape` (a byte of it may start one) tells without a look at it.
void decode_if_long(std::string_view text, size_t start, size_t end,
                    bool escape, std::vector<DecodedSpan>& out) {
  if (end < start + 8 ||
      (!escape && end - start < std::min(k_min_hex, k_min_base64))) {
    return;
  }
  uint8_t all = k_hex | k_base64;
  uint8_t any = 0;
  for (size_t i = start; i < end; ++i) {
    uint8_t cls = byte_class(text[i]);
    all &= cls;
    any |= cls;
  }
  decode_run(text, start, end, all, any, out);
}

// The run not yet ended by white space or a quote.
struct OpenRun {
  size_t start = 0;
  bool escape = false; // a byte of it before this block may start an escape
};

// The runs of one block: the open run (from an earlier block) ends at its
// first white space, the one after its last stays open, and of those
// between only the ones of eight bytes or more are looked at (most of a
// text is short words: a step per word took a sixth of the pass's time).
void decode_block(std::string_view text, size_t block, const RunBits& bits,
                  OpenRun& open, std::vector<DecodedSpan>& out) {
  if (bits.spaces == 0) {
    open.escape = open.escape || bits.escapes != 0;
    return;
  }
  const size_t first = size_t(std::countr_zero(bits.spaces));
  decode_if_long(text, open.start, block + first,
                 open.escape || (bits.escapes & bits_between(0, first)) != 0,
                 out);
  for (uint64_t starts = bits.spaces << 1 & eight_in_run(bits.spaces);
       starts != 0; starts &= starts - 1) {
    const size_t start = size_t(std::countr_zero(starts));
    const uint64_t after = bits.spaces & bits_from(start);
    if (after == 0) {
      break; // the block's last run: still open
    }
    const size_t end = size_t(std::countr_zero(after));
    decode_if_long(text, block + start, block + end,
                   (bits.escapes & bits_between(start, end)) != 0, out);
  }
  const size_t last = 63 - size_t(std::countl_zero(bits.spaces));
  open.start = block + last + 1;
  open.escape = (bits.escapes & bits_from(last + 1)) != 0;
}

} // namespace

std::vector<DecodedSpan> find_encoded(std::string_view text) {
  std::vector<DecodedSpan> out;
  OpenRun open;
  for (size_t block = 0; block < text.size(); block += 64) {
    decode_block(text, block, run_bits(text, block), open, out);
  }
  decode_if_long(text, open.start, text.size(), open.escape, out);
  find_hidden_text(text, out); // tag characters, rot13, leetspeak...
  return out;
}

} // namespace veil
