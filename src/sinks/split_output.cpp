#include "sinks/split_output.hpp"

#include "core/errors.hpp"

#include <openssl/sha.h>

#include <filesystem>

namespace veil {

namespace {

constexpr size_t k_max_name = 100;

bool allowed(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

std::string short_hash(std::string_view value) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(value.data()), value.size(),
         digest);
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 4; ++i) {
    out += k_hex[digest[i] >> 4];
    out += k_hex[digest[i] & 15];
  }
  return out;
}

} // namespace

std::string segment_file_name(std::string_view segment) {
  std::string name;
  for (char c : segment.substr(0, k_max_name)) {
    name += allowed(c) ? c : '_';
  }
  if (name.empty() || name.front() == '.' || name.front() == '-') {
    name.insert(0, "_"); // no hidden files, "." or "..", or option-like names
  }
  bool changed = name != segment || name.empty() || name.front() == '_';
  if (changed) {
    name += '-' + short_hash(segment);
  }
  return name + ".jsonl";
}

SplitOutputs::SplitOutputs(std::string dir) : m_dir(std::move(dir)) {
  std::error_code ec;
  std::filesystem::create_directories(m_dir, ec);
  if (ec) {
    throw InputError(m_dir + ": cannot create --out-dir: " + ec.message());
  }
}

Output& SplitOutputs::for_segment(std::string_view segment, bool present) {
  if (!present) {
    if (!m_none) {
      m_none = std::make_unique<Output>(m_dir + "/_none.jsonl");
    }
    return *m_none;
  }
  auto it = m_outputs.find(segment);
  if (it != m_outputs.end()) {
    return *it->second;
  }
  if (m_outputs.size() >= k_max_files) {
    throw InputError("--split-by: more than " + std::to_string(k_max_files) +
                     " segments; split the input first");
  }
  auto out = std::make_unique<Output>(m_dir + "/" + segment_file_name(segment));
  return *m_outputs.emplace(std::string(segment), std::move(out)).first->second;
}

void SplitOutputs::finish() {
  for (auto& [segment, out] : m_outputs) {
    out->finish();
  }
  if (m_none) {
    m_none->finish();
  }
}

} // namespace veil
