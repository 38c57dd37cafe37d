// The vault: which original value each placeholder stands for, so that
// `veil restore` can put values back into a model's answer. A JSON file,
// keys sorted, one entry per line:
//
//   {
//     "entries": {
//       "[EMAIL_ADDRESS_1]": "jane.doe@corp.test",
//       "[PERSON:9f86d081884c7d65]": "Jane Doe"
//     },
//     "format": "veil-vault",
//     "version": 1
//   }
//
// It holds values in clear, so it is written with mode 0600 and atomically
// (temp file + rename): a crash leaves the old vault or the new one. Errors
// about it name the file and a line/column, never a value.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace veil {

class Vault {
public:
  using Entries = std::map<std::string, std::string, std::less<>>;

  // Reads vault JSON; name is shown in errors. Throws InputError
  // "NAME:LINE:COL: vault: ..." for text that is not a veil vault.
  static Vault parse(std::string_view text, const std::string& name);
  // Reads the file at path; when it does not exist, an empty vault unless
  // must_exist. Throws InputError for unreadable or invalid files.
  static Vault load(const std::string& path, bool must_exist);

  // Records placeholder -> original. When the placeholder already stands for
  // another value, the first one stays (a placeholder restores to one
  // value), false is returned and conflicts() counts it. Label and hash
  // placeholders are per normalized value, so a card written with and
  // without spaces, or an email in two cases, restores to the first
  // spelling.
  bool add(std::string_view placeholder, std::string_view original);
  size_t conflicts() const { return m_conflicts; }
  const std::string* find(std::string_view placeholder) const;
  const Entries& entries() const { return m_entries; }
  size_t size() const { return m_entries.size(); }

  std::string to_json() const;
  // Writes to_json() through an AtomicFile with mode 0600. Throws InputError.
  void save(const std::string& path) const;

private:
  Entries m_entries;
  size_t m_conflicts = 0;
};

} // namespace veil
