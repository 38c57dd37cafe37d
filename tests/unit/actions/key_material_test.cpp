#include "actions/key_material.hpp"
#include "core/errors.hpp"

#include <doctest/doctest.h>

#include <string>

namespace veil {
namespace {

std::string to_hex(const std::string& bytes) {
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += k_hex[c >> 4];
    out += k_hex[c & 15];
  }
  return out;
}

std::string bytes_from(int first, int last) {
  std::string out;
  for (int c = first; c <= last; ++c) {
    out.push_back(static_cast<char>(c));
  }
  return out;
}

TEST_SUITE("actions::key_material") {

  TEST_CASE("hkdf_sha256 matches RFC 5869 test case 1") {
    std::string okm = hkdf_sha256(std::string(22, '\x0b'), bytes_from(0, 12),
                                  bytes_from(0xf0, 0xf9), 42);
    CHECK(to_hex(okm) == "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db0"
                         "2d56ecc4c5bf34007208d5b887185865");
  }

  TEST_CASE("subkeys are pinned: the same key gives the same tokens") {
    // Python: HKDF-SHA256(ikm=b"test-key", salt=b"veil/key-material/v1",
    // info=b"hash" or b"encrypt\0acme") computed with hmac/hashlib.
    KeyMaterial keys(std::string("test-key"));
    CHECK(to_hex(keys.subkey(KeyPurpose::hash)) ==
          "01fa30d2dc99f467109bd842dafe0ae290e9e83d815af48a3180c8941e2cca18");
    CHECK(to_hex(keys.subkey(KeyPurpose::encrypt, "acme")) ==
          "60224dbd01b8b1bf8c524de8877391182dc6e26cdb034bb12422f68642640dac"
          "a4587e4b371af82ff0d2dc0b49d3e4ced33c563ccbef3f5402920edebe4b9e8a");
  }

  TEST_CASE("purposes and segments never share key bytes") {
    KeyMaterial keys(std::string("k"));
    CHECK(keys.subkey(KeyPurpose::hash).size() == 32);
    CHECK(keys.subkey(KeyPurpose::encrypt).size() == 64);
    CHECK(keys.subkey(KeyPurpose::hash) !=
          keys.subkey(KeyPurpose::encrypt).substr(0, 32));
    CHECK(keys.subkey(KeyPurpose::hash, "a") !=
          keys.subkey(KeyPurpose::hash, "b"));
    CHECK(keys.subkey(KeyPurpose::hash, "a") != keys.subkey(KeyPurpose::hash));
    CHECK(keys.subkey(KeyPurpose::hash) ==
          KeyMaterial(std::string("k")).subkey(KeyPurpose::hash));
    CHECK(keys.subkey(KeyPurpose::hash) !=
          KeyMaterial(std::string("k2")).subkey(KeyPurpose::hash));
  }

  TEST_CASE("without a master key, subkey refuses with a clear usage error") {
    KeyMaterial none;
    CHECK_FALSE(none.has_key());
    CHECK_THROWS_WITH_AS(
        none.subkey(KeyPurpose::encrypt),
        "the encrypt style needs a key: --key-file FILE or VEIL_KEY",
        UsageError);
  }

} // TEST_SUITE

} // namespace
} // namespace veil
