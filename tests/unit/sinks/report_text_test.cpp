#include "sinks/report/markup_escape.hpp"
#include "sinks/report/report_text.hpp"

#include <doctest/doctest.h>

using veil::markup_escape;
using veil::safe_text;

TEST_SUITE("sinks::report::report_text") {
  TEST_CASE("valid text passes unchanged") {
    CHECK(safe_text("plain ascii") == "plain ascii");
    CHECK(safe_text("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x91") ==
          "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x91");
  }

  TEST_CASE("control characters are spelled, C1 included") {
    CHECK(safe_text("a\x1b[2Jb\tc\n\x7f") == "a\\x1b[2Jb\\x09c\\x0a\\x7f");
    CHECK(safe_text("x\xc2\x9by") == "x\\xc2\\x9by");
    CHECK(safe_text("\xc2\xa0") == "\xc2\xa0"); // no-break space stays
  }

  TEST_CASE("invalid UTF-8 becomes U+FFFD, byte by byte") {
    const std::string r = "\xEF\xBF\xBD";
    CHECK(safe_text("a\xff") == "a" + r);
    CHECK(safe_text("\xc0\xaf") == r + r);                 // overlong
    CHECK(safe_text("\xed\xa0\x80") == r + r + r);         // surrogate
    CHECK(safe_text("\xf4\x90\x80\x80") == r + r + r + r); // past U+10FFFF
    CHECK(safe_text("\xe2\x82") == r + r);                 // cut short
  }

  TEST_CASE("markup_escape") {
    CHECK(markup_escape("<a href=\"x\">Tom & 'Jerry'</a>") ==
          "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
    CHECK(markup_escape("\x01\xff") == "\\x01\xEF\xBF\xBD");
  }

  TEST_CASE("count_of") {
    CHECK(veil::count_of(0, "file") == "0 files");
    CHECK(veil::count_of(1, "file") == "1 file");
  }
}
