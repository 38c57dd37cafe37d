// A compiled Vectorscan (Hyperscan) block-mode database of prefilter
// patterns, and the per-thread scratch to scan with it. Compiling every
// rule takes seconds, so a database is cached on disk under
// $XDG_CACHE_HOME/veil (or ~/.cache/veil), keyed by a hash of the patterns
// and the library version. Without libhs (VEIL_VECTORSCAN=OFF) build()
// returns nullptr and the scanner keeps its keyword prefilter.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace veil {

struct PrefilterPattern {
  std::string expression; // Vectorscan syntax, byte mode
  unsigned id = 0;
  bool caseless = false; // ASCII case-insensitive (keywords)
};

class VectorscanDb {
public:
  // True when veil was built with libhs.
  static bool available();
  // Loads the cached database or compiles one. Patterns the library
  // refuses are left out and their ids appended to *rejected. nullptr when
  // nothing could be built.
  static std::unique_ptr<VectorscanDb>
  build(const std::vector<PrefilterPattern>& patterns,
        std::vector<unsigned>& rejected);
  ~VectorscanDb();
  VectorscanDb(const VectorscanDb&) = delete;
  VectorscanDb& operator=(const VectorscanDb&) = delete;

  // Scratch space for one thread; allocated on first scan.
  class Scratch {
  public:
    Scratch() = default;
    Scratch(Scratch&& other) noexcept : m_raw(other.m_raw), m_for(other.m_for) {
      other.m_raw = nullptr;
    }
    Scratch& operator=(Scratch&&) = delete;
    ~Scratch();

  private:
    friend class VectorscanDb;
    void* m_raw = nullptr;
    const void* m_for = nullptr; // the database it was sized for
  };

  // Calls on_match(id, context) once for each pattern that matches text.
  using OnMatch = void (*)(unsigned id, void* context);
  void scan(std::string_view text, Scratch& scratch, OnMatch on_match,
            void* context) const;

private:
  explicit VectorscanDb(void* raw) : m_raw(raw) {}
  void* m_raw; // hs_database_t
};

} // namespace veil
