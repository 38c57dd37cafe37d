#include "core/recent.hpp"

#include <doctest/doctest.h>

#include <string>

namespace veil {
namespace {

struct Made {
  int key = -1;
  std::string value;
};

TEST_SUITE("core::recent") {

  TEST_CASE("a value is made once while its input stays among the last "
            "few, and again once it has been replaced") {
    Recent<Made, 3> recent;
    int made = 0;
    auto get = [&](int key) -> const std::string& {
      return recent
          .find([&](const Made& m) { return m.key == key; },
                [&](Made& m) {
                  ++made;
                  m.key = key;
                  m.value = "v" + std::to_string(key);
                })
          .value;
    };
    for (int round = 0; round < 4; ++round) {
      for (int key : {1, 2, 3, 2, 1}) {
        CHECK(get(key) == "v" + std::to_string(key));
      }
    }
    CHECK(made == 3);
    CHECK(get(4) == "v4"); // replaces the first made, 1
    CHECK(made == 4);
    CHECK(get(2) == "v2");
    CHECK(get(3) == "v3");
    CHECK(made == 4);
    CHECK(get(1) == "v1"); // made again, in place of 2
    CHECK(made == 5);
    CHECK(get(2) == "v2");
    CHECK(made == 6);
  }

  TEST_CASE("entries not made yet are never found") {
    Recent<Made, 2> recent;
    int made = 0;
    // A default entry holds key -1 too.
    auto same = [](const Made& m) { return m.key == -1; };
    auto make = [&](Made& m) {
      ++made;
      m.key = -1;
      m.value = "made";
    };
    CHECK(recent.find(same, make).value == "made");
    CHECK(recent.find(same, make).value == "made");
    CHECK(made == 1);
  }

} // TEST_SUITE

} // namespace
} // namespace veil
