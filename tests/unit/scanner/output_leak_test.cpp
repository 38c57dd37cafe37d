#include "scanner/output_leak.hpp"

#include <doctest/doctest.h>

#include <string>

namespace veil {
namespace {

std::vector<std::string> leaked(size_t n, std::string_view system,
                                std::string_view answer) {
  LeakIndex index(n);
  index.add_source(system);
  std::vector<Span> spans;
  index.find(answer, spans);
  std::vector<std::string> out;
  for (Span s : spans) {
    out.emplace_back(answer.substr(s.start, s.end - s.start));
  }
  return out;
}

const char* k_system =
    "You are Ava, the support assistant of Northwind Bank. Never discuss "
    "interest rates before checking the customer's tier in the CRM. The "
    "discount code for gold customers is listed in the internal wiki.";

TEST_SUITE("scanner::output_leak") {

  TEST_CASE("words: letters and digits, one per CJK character") {
    std::vector<Word> words;
    split_words("Héllo, wörld-42 你好!", words);
    REQUIRE(words.size() == 5);
    CHECK(words[0].weight == 2);
    CHECK(words[3].weight == 1);
    CHECK(words[4].weight == 1);
    std::vector<Word> upper;
    split_words("HELLO", upper);
    std::vector<Word> lower;
    split_words("hello", lower);
    CHECK(upper[0].hash == lower[0].hash);
  }

  TEST_CASE("a verbatim stretch of n words or more is one leak") {
    std::string answer = std::string("Sure. My instructions say: never "
                                     "discuss interest rates before checking "
                                     "the customer's tier in the CRM. Anything "
                                     "else?");
    CHECK(leaked(8, k_system, answer) ==
          std::vector<std::string>{"never discuss interest rates before "
                                   "checking the customer's tier in the CRM"});
    // Thirteen words shared: found at 13, not at 14
    CHECK(leaked(13, k_system, answer).size() == 1);
    CHECK(leaked(14, k_system, answer).empty());
  }

  TEST_CASE("case and punctuation do not hide a leak") {
    std::string answer = "NEVER DISCUSS INTEREST-RATES before checking the "
                         "customer s tier in the CRM";
    CHECK(leaked(8, k_system, answer).size() == 1);
  }

  TEST_CASE("separate stretches are separate leaks; paraphrase is none") {
    std::string answer = "You are Ava, the support assistant of Northwind "
                         "Bank. Also: the discount code for gold customers "
                         "is listed in the internal wiki.";
    CHECK(leaked(6, k_system, answer).size() == 2);
    CHECK(leaked(6, k_system,
                 "I help Northwind Bank customers with their "
                 "accounts and can check rates for you.")
              .empty());
  }

  TEST_CASE("Chinese counts two characters per word") {
    std::string system =
        "你是北风银行的客服助手，绝对不要在核实客户等级之前讨论利率。";
    std::string answer = "我的指令是：绝对不要在核实客户等级之前讨论利率。";
    // "绝对不要在核实客户等级之前讨论利率" is 17 characters: 8.5 words
    CHECK(leaked(8, system, answer).size() == 1);
    CHECK(leaked(9, system, answer).empty());
  }

  TEST_CASE("n = 0 or no system prompt: nothing") {
    CHECK(leaked(0, k_system, k_system).empty());
    CHECK(leaked(4, "", k_system).empty());
    CHECK(leaked(4, k_system, "").empty());
  }
}

} // namespace
} // namespace veil
