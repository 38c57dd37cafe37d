#include "scanner/vectorscan_db.hpp"

#ifdef VEIL_HAVE_VECTORSCAN

#include <hs.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <new>
#include <sstream>
#include <unistd.h>

namespace veil {

namespace {

namespace fs = std::filesystem;

constexpr unsigned k_pattern_flags =
    HS_FLAG_PREFILTER | HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY;
constexpr std::string_view k_magic = "veil-hs1\n";

uint64_t fnv1a(uint64_t hash, std::string_view bytes) {
  for (char c : bytes) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  }
  return hash;
}

uint64_t patterns_hash(const std::vector<PrefilterPattern>& patterns) {
  uint64_t hash = fnv1a(0xcbf29ce484222325ULL, hs_version());
  for (const PrefilterPattern& p : patterns) {
    hash = fnv1a(hash, p.expression);
    std::string tail = "\x1f" + std::to_string(p.id) + (p.caseless ? "i" : "");
    hash = fnv1a(hash, tail);
  }
  return hash;
}

fs::path cache_file(const std::vector<PrefilterPattern>& patterns) {
  fs::path dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    dir = fs::path(xdg) / "veil";
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    dir = fs::path(home) / ".cache" / "veil";
  } else {
    return {};
  }
  char name[40];
  std::snprintf(name, sizeof name, "prefilter-%016llx.hsdb",
                static_cast<unsigned long long>(patterns_hash(patterns)));
  return dir / name;
}

hs_database_t* load_cached(const fs::path& path,
                           std::vector<unsigned>& rejected) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  if (bytes.size() < k_magic.size() + 4 || !bytes.starts_with(k_magic)) {
    return nullptr;
  }
  size_t pos = k_magic.size();
  uint32_t count = 0;
  std::memcpy(&count, bytes.data() + pos, 4);
  pos += 4;
  if (bytes.size() < pos + size_t(count) * 4) {
    return nullptr;
  }
  std::vector<unsigned> ids(count);
  for (uint32_t i = 0; i < count; ++i, pos += 4) {
    uint32_t id = 0;
    std::memcpy(&id, bytes.data() + pos, 4);
    ids[i] = id;
  }
  hs_database_t* db = nullptr;
  if (hs_deserialize_database(bytes.data() + pos, bytes.size() - pos, &db) !=
      HS_SUCCESS) {
    return nullptr;
  }
  rejected.insert(rejected.end(), ids.begin(), ids.end());
  return db;
}

// Best effort: a cache that cannot be written only costs the next run a
// compile. Written to a temporary name and renamed, so readers never see
// half a file.
void store_cached(const fs::path& path, const hs_database_t* db,
                  const std::vector<unsigned>& rejected) {
  char* raw = nullptr;
  size_t size = 0;
  if (path.empty() || hs_serialize_database(db, &raw, &size) != HS_SUCCESS) {
    return;
  }
  std::string bytes(k_magic);
  uint32_t count = static_cast<uint32_t>(rejected.size());
  bytes.append(reinterpret_cast<const char*>(&count), 4);
  for (unsigned id : rejected) {
    uint32_t v = id;
    bytes.append(reinterpret_cast<const char*>(&v), 4);
  }
  bytes.append(raw, size);
  std::free(raw);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  fs::path tmp = path;
  tmp += ".tmp" + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      out.close();
      fs::remove(tmp, ec);
      return;
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
  }
}

// Compiles; a pattern the library refuses is dropped and the rest retried.
hs_database_t* compile(std::vector<PrefilterPattern> patterns,
                       std::vector<unsigned>& rejected) {
  while (!patterns.empty()) {
    std::vector<const char*> expressions;
    std::vector<unsigned> flags;
    std::vector<unsigned> ids;
    for (const PrefilterPattern& p : patterns) {
      expressions.push_back(p.expression.c_str());
      flags.push_back(k_pattern_flags | (p.caseless ? HS_FLAG_CASELESS : 0));
      ids.push_back(p.id);
    }
    hs_database_t* db = nullptr;
    hs_compile_error_t* error = nullptr;
    hs_error_t status =
        hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                         static_cast<unsigned>(patterns.size()), HS_MODE_BLOCK,
                         nullptr, &db, &error);
    if (status == HS_SUCCESS) {
      return db;
    }
    int bad = error != nullptr ? error->expression : -1;
    hs_free_compile_error(error);
    if (bad < 0 || size_t(bad) >= patterns.size()) {
      return nullptr;
    }
    rejected.push_back(patterns[size_t(bad)].id);
    patterns.erase(patterns.begin() + bad);
  }
  return nullptr;
}

int forward(unsigned id, unsigned long long, unsigned long long, unsigned,
            void* context) {
  auto* call = static_cast<std::pair<VectorscanDb::OnMatch, void*>*>(context);
  call->first(id, call->second);
  return 0;
}

} // namespace

bool VectorscanDb::available() {
  return hs_valid_platform() == HS_SUCCESS;
}

std::unique_ptr<VectorscanDb>
VectorscanDb::build(const std::vector<PrefilterPattern>& patterns,
                    std::vector<unsigned>& rejected) {
  if (patterns.empty() || !available()) {
    return nullptr;
  }
  fs::path path = cache_file(patterns);
  std::vector<unsigned> cached_rejected;
  hs_database_t* db =
      path.empty() ? nullptr : load_cached(path, cached_rejected);
  if (db != nullptr) {
    rejected.insert(rejected.end(), cached_rejected.begin(),
                    cached_rejected.end());
    return std::unique_ptr<VectorscanDb>(new VectorscanDb(db));
  }
  std::vector<unsigned> compile_rejected;
  db = compile(patterns, compile_rejected);
  if (db == nullptr) {
    return nullptr;
  }
  store_cached(path, db, compile_rejected);
  rejected.insert(rejected.end(), compile_rejected.begin(),
                  compile_rejected.end());
  return std::unique_ptr<VectorscanDb>(new VectorscanDb(db));
}

VectorscanDb::~VectorscanDb() {
  hs_free_database(static_cast<hs_database_t*>(m_raw));
}

VectorscanDb::Scratch::~Scratch() {
  hs_free_scratch(static_cast<hs_scratch_t*>(m_raw));
}

void VectorscanDb::scan(std::string_view text, Scratch& scratch,
                        OnMatch on_match, void* context) const {
  auto* db = static_cast<hs_database_t*>(m_raw);
  auto* raw = static_cast<hs_scratch_t*>(scratch.m_raw);
  if (scratch.m_for != db) {
    if (hs_alloc_scratch(db, &raw) != HS_SUCCESS) {
      throw std::bad_alloc();
    }
    scratch.m_raw = raw;
    scratch.m_for = db;
  }
  std::pair<OnMatch, void*> call{on_match, context};
  const char* data = text.empty() ? "" : text.data();
  hs_scan(db, data, static_cast<unsigned>(text.size()), 0, raw, forward, &call);
}

} // namespace veil

#else // no libhs: the keyword prefilter does all the work

namespace veil {

bool VectorscanDb::available() {
  return false;
}

std::unique_ptr<VectorscanDb>
VectorscanDb::build(const std::vector<PrefilterPattern>&,
                    std::vector<unsigned>&) {
  return nullptr;
}

VectorscanDb::~VectorscanDb() = default;

VectorscanDb::Scratch::~Scratch() = default;

void VectorscanDb::scan(std::string_view, Scratch&, OnMatch, void*) const {}

} // namespace veil

#endif
