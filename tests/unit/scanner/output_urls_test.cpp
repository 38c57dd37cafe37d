#include "scanner/output_urls.hpp"

#include <doctest/doctest.h>

namespace veil {
namespace {

// The allow list is process-wide: each test sets it and leaves it empty.
struct AllowList {
  explicit AllowList(std::vector<std::string> domains) {
    set_allowed_domains(std::move(domains));
  }
  ~AllowList() { set_allowed_domains({}); }
};

TEST_SUITE("scanner::output_urls") {

  TEST_CASE("split_url finds host, path and query") {
    auto parts =
        split_url("https://user:pw@Img.Example.com:8443/a/b.png?x=1&y#frag");
    REQUIRE(parts);
    CHECK(parts->host == "Img.Example.com");
    CHECK(parts->path == "/a/b.png");
    CHECK(parts->query == "x=1&y");
    auto bare = split_url("http://example.com");
    REQUIRE(bare);
    CHECK(bare->host == "example.com");
    CHECK(bare->path.empty());
    CHECK(bare->query.empty());
    CHECK_FALSE(split_url("ftp://example.com/x"));
    CHECK_FALSE(split_url("javascript:alert(1)"));
    CHECK_FALSE(split_url("https:///path"));
  }

  TEST_CASE("a domain allows itself and its subdomains, nothing else") {
    std::vector<std::string> allowed = {"example.com"};
    CHECK(host_allowed("example.com", allowed));
    CHECK(host_allowed("IMG.Example.COM", allowed));
    CHECK(host_allowed("example.com.", allowed));
    CHECK_FALSE(host_allowed("evilexample.com", allowed));
    CHECK_FALSE(host_allowed("example.com.evil.test", allowed));
    CHECK_FALSE(host_allowed("example.org", allowed));
  }

  TEST_CASE("normalize_domain takes host names, refuses URLs") {
    std::string err;
    CHECK(normalize_domain("*.Example.com", &err) == "example.com");
    CHECK(normalize_domain(".cdn.example.com", &err) == "cdn.example.com");
    CHECK_FALSE(normalize_domain("https://example.com", &err));
    CHECK(err == "not a host name (give example.com, not a URL or a path)");
    CHECK_FALSE(normalize_domain("example.com/path", &err));
    CHECK_FALSE(normalize_domain("", &err));
    CHECK_FALSE(normalize_domain("example.", &err));
  }

  TEST_CASE("encoded data: base64 and hex runs, percent-encoded text") {
    CHECK(looks_encoded("c2VjcmV0X3Bhc3N3b3JkPTEy"));
    CHECK(looks_encoded("5f4dcc3b5aa765d61d8327deb882cf99"));
    CHECK(looks_encoded("My%20SSN%20is%20078%2005"));
    CHECK_FALSE(looks_encoded("screenshot-of-the-dashboard"));
    CHECK_FALSE(looks_encoded("how+to+cook+pasta"));
    CHECK_FALSE(looks_encoded("v2.3.1-rc1"));
    // Letters only, however long: a word, not a payload
    CHECK_FALSE(looks_encoded("supercalifragilisticexpialidocious"));
  }

  TEST_CASE("images carry data in any query value; links need encoding") {
    auto with_query = split_url("https://x.test/p.gif?u=ann");
    REQUIRE(with_query);
    CHECK(image_carries_data(*with_query));
    CHECK_FALSE(link_carries_data(*with_query));
    auto plain = split_url("https://x.test/static/logo.png");
    REQUIRE(plain);
    CHECK_FALSE(image_carries_data(*plain));
    CHECK_FALSE(link_carries_data(*plain));
    auto empty_value = split_url("https://x.test/p.gif?v=");
    REQUIRE(empty_value);
    CHECK_FALSE(image_carries_data(*empty_value));
    auto encoded = split_url("https://x.test/c?d=c2VjcmV0X3Bhc3N3b3JkPTEy");
    REQUIRE(encoded);
    CHECK(link_carries_data(*encoded));
  }

  TEST_CASE("the validators keep only hosts outside --allow-domain") {
    const char* url = "https://img.example.com/p.gif?u=ann";
    CHECK(validate_exfil_image_url(url));
    {
      AllowList allow({"example.com"});
      CHECK_FALSE(validate_exfil_image_url(url));
      CHECK(validate_exfil_image_url("https://attacker.test/p.gif?u=ann"));
    }
    CHECK(validate_exfil_image_url(url));
    CHECK_FALSE(validate_exfil_image_url("https://img.example.com/logo.png"));
    CHECK(validate_exfil_link_url(
        "https://x.test/v?t=c2VjcmV0X3Bhc3N3b3JkPTEyMzQ1Ng"));
    CHECK_FALSE(validate_exfil_link_url("https://x.test/search?q=veil"));
  }

  TEST_CASE("the validators are registered by name") {
    CHECK((find_validator("exfil_image_url") == validate_exfil_image_url));
    CHECK((find_validator("exfil_link_url") == validate_exfil_link_url));
  }
}

} // namespace
} // namespace veil
