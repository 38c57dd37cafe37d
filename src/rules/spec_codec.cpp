#include "rules/spec_codec.hpp"

#include <bit>
#include <cstdint>
#include <stdexcept>

namespace veil {

namespace {

// Numbers as LEB128 varints, doubles by their bits, strings and lists
// length first.
class Writer {
public:
  std::string bytes;

  void operator()(uint64_t n) {
    for (; n >= 0x80; n >>= 7) {
      bytes += static_cast<char>((n & 0x7f) | 0x80);
    }
    bytes += static_cast<char>(n);
  }
  void operator()(int n) { (*this)(static_cast<uint64_t>(n)); }
  void operator()(bool b) { (*this)(static_cast<uint64_t>(b)); }
  void operator()(Severity s) { (*this)(static_cast<uint64_t>(s)); }
  void operator()(double d) { (*this)(std::bit_cast<uint64_t>(d)); }
  void operator()(const std::string& s) {
    (*this)(static_cast<uint64_t>(s.size()));
    bytes += s;
  }
  template <typename T>
  void operator()(const std::vector<T>& items) {
    (*this)(static_cast<uint64_t>(items.size()));
    for (const T& item : items) {
      (*this)(item);
    }
  }
  void operator()(const std::map<std::string, TextPosition>& positions) {
    (*this)(static_cast<uint64_t>(positions.size()));
    for (const auto& [key, position] : positions) {
      (*this)(key);
      (*this)(position.line);
      (*this)(position.column);
    }
  }
  void operator()(const RuleSpec& rule);
  void operator()(const PackSpec& pack);
};

class Reader {
public:
  explicit Reader(std::string_view bytes) : m_rest(bytes) {}

  // Every byte must have been read.
  void finish() const {
    if (!m_rest.empty()) {
      corrupt();
    }
  }

  void operator()(uint64_t& n) {
    n = 0;
    for (int shift = 0;; shift += 7) {
      if (m_rest.empty() || shift > 63) {
        corrupt();
      }
      const auto byte = static_cast<unsigned char>(m_rest.front());
      m_rest.remove_prefix(1);
      n |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (byte < 0x80) {
        return;
      }
    }
  }
  void operator()(int& n) { n = static_cast<int>(number()); }
  void operator()(bool& b) { b = number() != 0; }
  void operator()(Severity& s) { s = static_cast<Severity>(number()); }
  void operator()(double& d) { d = std::bit_cast<double>(number()); }
  void operator()(std::string& s) {
    const uint64_t size = number();
    if (size > m_rest.size()) {
      corrupt();
    }
    s.assign(m_rest.substr(0, size));
    m_rest.remove_prefix(size);
  }
  template <typename T>
  void operator()(std::vector<T>& items) {
    items.resize(count());
    for (T& item : items) {
      (*this)(item);
    }
  }
  void operator()(std::map<std::string, TextPosition>& positions) {
    positions.clear();
    for (uint64_t n = count(); n > 0; --n) {
      std::string key;
      TextPosition position;
      (*this)(key);
      (*this)(position.line);
      (*this)(position.column);
      positions.emplace_hint(positions.end(), std::move(key), position);
    }
  }
  void operator()(RuleSpec& rule);
  void operator()(PackSpec& pack);

private:
  uint64_t number() {
    uint64_t n = 0;
    (*this)(n);
    return n;
  }
  // A list's length, bounded by the bytes left (each item takes one or
  // more), so that bad bytes cannot ask for a huge allocation.
  uint64_t count() {
    const uint64_t n = number();
    if (n > m_rest.size()) {
      corrupt();
    }
    return n;
  }
  [[noreturn]] static void corrupt() {
    throw std::runtime_error("built-in rule data is corrupt");
  }

  std::string_view m_rest;
};

// One list of fields for both directions, so that they cannot drift apart.
// Spec is RuleSpec for the Reader and const RuleSpec for the Writer.
template <typename IO, typename Spec>
void rule_fields(IO& io, Spec& r) {
  io(r.id), io(r.description), io(r.entity), io(r.category);
  io(r.severity), io(r.regex), io(r.group), io(r.keywords);
  io(r.validator), io(r.validator_mode), io(r.entropy);
  io(r.context.words), io(r.context.window), io(r.context.required);
  io(r.context.boost), io(r.context.where), io(r.context.not_keys);
  io(r.allow), io(r.direction), io(r.style), io(r.confidence);
  io(r.pairs_with), io(r.examples_match), io(r.examples_no_match);
  io(r.pack), io(r.builtin), io(r.program_size);
  io(r.location.file), io(r.location.line), io(r.location.column);
  io(r.key_positions);
}

template <typename IO, typename Spec>
void pack_fields(IO& io, Spec& p) {
  io(p.name), io(p.version), io(p.description), io(p.source), io(p.rules);
}

void Writer::operator()(const RuleSpec& rule) {
  rule_fields(*this, rule);
}
void Writer::operator()(const PackSpec& pack) {
  pack_fields(*this, pack);
}
void Reader::operator()(RuleSpec& rule) {
  rule_fields(*this, rule);
}
void Reader::operator()(PackSpec& pack) {
  pack_fields(*this, pack);
}

} // namespace

std::string encode_packs(const std::vector<PackSpec>& packs) {
  Writer writer;
  writer(packs);
  return std::move(writer.bytes);
}

std::vector<PackSpec> decode_packs(std::string_view bytes) {
  Reader reader(bytes);
  std::vector<PackSpec> packs;
  reader(packs);
  reader.finish();
  return packs;
}

} // namespace veil
