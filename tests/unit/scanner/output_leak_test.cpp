#include "scanner/output_leak.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>

namespace veil {
namespace {

std::vector<std::string> leaked(size_t n, std::string_view system,
                                std::string_view answer) {
  LeakIndex index(n);
  index.add_source(system);
  std::vector<Span> spans;
  // One scratch for every call, as a worker's: what an answer leaves in it
  // must not reach the next.
  static LeakIndex::Scratch scratch;
  index.find(answer, spans, scratch);
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

// The leaks a plain search finds: the answer's words from each start to
// where they weigh 2n, when the prompt holds the same words (any case) in
// a row; touching or overlapping stretches merged.
std::vector<std::string> leaked_by_search(size_t n, std::string_view system,
                                          std::string_view answer) {
  auto words_of = [](std::string_view text, std::vector<Word>& words) {
    split_words(text, words);
    std::vector<std::string> out;
    for (const Word& w : words) {
      std::string word(text.substr(w.start, w.end - w.start));
      std::transform(word.begin(), word.end(), word.begin(), [](char c) {
        return c >= 'A' && c <= 'Z' ? char(c + 32) : c;
      });
      out.push_back(word);
    }
    return out;
  };
  std::vector<Word> system_words;
  std::vector<Word> answer_words;
  const std::vector<std::string> prompt = words_of(system, system_words);
  const std::vector<std::string> said = words_of(answer, answer_words);
  std::vector<std::string> out;
  size_t first = SIZE_MAX;
  size_t last = 0;
  for (size_t i = 0; i < said.size(); ++i) {
    size_t end = i;
    size_t weight = 0;
    while (end < said.size() && weight < 2 * n) {
      weight += answer_words[end++].weight;
    }
    if (weight < 2 * n) {
      break;
    }
    if (std::search(prompt.begin(), prompt.end(), said.begin() + i,
                    said.begin() + end) == prompt.end()) {
      continue;
    }
    if (first != SIZE_MAX && i <= last + 1) {
      last = std::max(last, end - 1);
      continue;
    }
    if (first != SIZE_MAX) {
      out.emplace_back(
          answer.substr(answer_words[first].start,
                        answer_words[last].end - answer_words[first].start));
    }
    first = i;
    last = end - 1;
  }
  if (first != SIZE_MAX) {
    out.emplace_back(
        answer.substr(answer_words[first].start,
                      answer_words[last].end - answer_words[first].start));
  }
  return out;
}

TEST_SUITE("scanner::output_leak") {

  TEST_CASE("leaks are the stretches a plain search finds") {
    // Prompts and answers of a few words, Latin, Cyrillic and CJK (weight 1
    // each), the answers copying stretches of their prompt in any case.
    const std::vector<std::string> vocab = {
        "alpha", "Beta", "gamma", "café", "данные", "東", "京",  "数",
        "x1",    "42",   "never", "you",  "are",    "a",  "tool"};
    std::mt19937 random(3);
    auto pick = [&](size_t n) { return size_t(random() % n); };
    for (int round = 0; round < 300; ++round) {
      std::string system;
      std::vector<std::string> words;
      for (size_t k = 0, count = 5 + pick(40); k < count; ++k) {
        words.push_back(vocab[pick(vocab.size())]);
        system += words.back() + (pick(3) == 0 ? ", " : " ");
      }
      std::string answer;
      for (size_t k = 0, count = pick(8); k < count; ++k) {
        answer += vocab[pick(vocab.size())] + " ";
      }
      const size_t from = pick(words.size());
      for (size_t k = from; k < std::min(words.size(), from + pick(20)); ++k) {
        std::string word = words[k];
        if (pick(2) == 0) {
          std::transform(word.begin(), word.end(), word.begin(),
                         [](char c) { return char(std::toupper(c)); });
        }
        answer += word + (pick(4) == 0 ? "! " : " ");
      }
      for (size_t k = 0, count = pick(8); k < count; ++k) {
        answer += vocab[pick(vocab.size())] + " ";
      }
      const size_t n = 1 + pick(8);
      CHECK_MESSAGE(leaked(n, system, answer) ==
                        leaked_by_search(n, system, answer),
                    n << " | " << system << " | " << answer);
    }
  }

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

  TEST_CASE("words: ASCII text read 64 bytes at a time, as character by "
            "character") {
    // A non-ASCII word at the end sends the text down the general path; its
    // words before it are the ASCII text's.
    std::mt19937 rng(3);
    const std::string pieces[] = {
        "a", "Z", "7", " ", ".", "-", "\n", "word", std::string(70, 'x')};
    for (int round = 0; round < 300; ++round) {
      std::string text;
      const size_t count = rng() % 60;
      for (size_t k = 0; k < count; ++k) {
        text += pieces[rng() % std::size(pieces)];
      }
      std::vector<Word> fast;
      split_words(text, fast);
      std::vector<Word> general;
      split_words(text + " \xC3\xA9", general);
      REQUIRE(general.size() == fast.size() + 1);
      for (size_t k = 0; k < fast.size(); ++k) {
        CHECK(fast[k].start == general[k].start);
        CHECK(fast[k].end == general[k].end);
        CHECK(fast[k].hash == general[k].hash);
      }
    }
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
