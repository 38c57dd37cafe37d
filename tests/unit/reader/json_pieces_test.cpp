// JsonStream and read_json_piece() against the whole-line reader: the same
// verdict on valid and invalid JSON, the same fields when one piece holds
// the line, and, cut into pieces anywhere (inside escapes and surrogate
// pairs too), pieces whose parts of each string are that string's text at
// their decoded offsets, with its pointer and role (a message's role comes
// before its content here: one that comes after is not known to pieces).
#include "read_util.hpp"
#include "reader/json_piece_reader.hpp"
#include "reader/json_stream.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace veil {
namespace {

bool stream_valid(const std::string& doc, size_t step) {
  JsonStream walk;
  for (size_t at = 0; at < doc.size(); at += step) {
    walk.walk(doc, at, std::min(doc.size(), at + step), 0);
  }
  return walk.finish();
}

bool whole_valid(const std::string& doc) {
  ReaderOptions jsonl;
  jsonl.mode = InputMode::jsonl;
  return test::read_line(doc, jsonl).kind == RecordKind::json;
}

// A random JSON value: nested objects and arrays, strings with escapes,
// surrogate pairs, non-ASCII text, numbers and literals.
std::string random_value(std::mt19937& rng, int depth) {
  const std::vector<std::string> pieces = {
      "a",    " ",       "mail bob@example.com", "\\n",      "\\\"",
      "\\\\", "\\u00e9", "\\ud83d\\ude00",       "\xC3\xA9", "\\/",
      "\\t",  "role",    "+1 415 555 0132",      "x"};
  auto string = [&] {
    std::string s = "\"";
    for (size_t n = rng() % 12; n > 0; --n) {
      s += pieces[rng() % pieces.size()];
    }
    return s + "\"";
  };
  const unsigned kind = depth > 3 ? rng() % 3 : rng() % 6;
  if (kind == 0) {
    return string();
  }
  if (kind == 1) {
    const std::vector<std::string> scalars = {"0",    "-12.5e3", "true",
                                              "null", "false",   "3.25"};
    return scalars[rng() % scalars.size()];
  }
  if (kind == 2) {
    return string();
  }
  const bool object = kind != 3;
  std::string out = object ? "{" : "[";
  for (size_t n = rng() % 5; n > 0; --n) {
    if (object) {
      std::string key = string();
      out += key == "\"role\"" ? "\"rolex\"" : key; // see above

      out += rng() % 2 ? ":" : " : ";
    }
    out += random_value(rng, depth + 1);
    if (n > 1) {
      out += rng() % 2 ? "," : ", ";
    }
  }
  return out + (object ? "}" : "]");
}

std::string random_doc(std::mt19937& rng) {
  std::string doc = "{\"messages\": [";
  for (size_t n = 1 + rng() % 6; n > 0; --n) {
    doc += "{\"role\": \"user\", \"content\": " + random_value(rng, 2) + "}";
    doc += n > 1 ? ", " : "";
  }
  return doc + "], \"k\": " + random_value(rng, 1) + "}";
}

struct Part {
  std::string pointer;
  std::string role;
  uint64_t decoded_from;
  std::string text;
  bool is_key;
};

// The fields of doc's pieces: own bytes of `piece` each, `context` either
// side, as the pipeline makes them.
std::vector<Part> read_in_pieces(const std::string& doc, size_t piece,
                                 size_t context, const ReaderOptions& options,
                                 bool& valid) {
  JsonPieceWalk walk(InputMode::jsonl);
  RecordReader reader(options);
  std::vector<Part> parts;
  valid = true;
  for (size_t keep = 0; keep < doc.size(); keep += piece) {
    const size_t begin = keep > context ? keep - context : 0;
    const size_t keep_end = std::min(doc.size(), keep + piece);
    const size_t end = std::min(doc.size(), keep_end + context);
    const LinePiece at{begin, uint32_t(keep - begin),
                       uint32_t(keep_end - begin), keep == 0,
                       keep_end == doc.size()};
    Record record;
    record.content = std::string_view(doc).substr(begin, end - begin);
    record.piece = at;
    record.json_at_keep = walk.next(at, record.content);
    reader.read(record);
    valid = valid && record.kind == RecordKind::json;
    for (const Field& f : record.fields) {
      parts.push_back(Part{std::string(f.pointer), f.role, f.decoded_from,
                           std::string(f.text), f.is_key});
    }
  }
  return parts;
}

} // namespace

TEST_SUITE("reader::json_pieces") {

  TEST_CASE("the stream says valid or not as the whole-line reader does") {
    const std::vector<std::string> docs = {
        R"({"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d"}})",
        R"(["\u00e9\ud83d\ude00\n\"", {}, [], ""])",
        R"({"a": 1,})",
        R"({"a" 1})",
        R"([1 2])",
        R"({"a": tru})",
        R"({"a": 01})",
        R"({"a": 1.})",
        R"({"a": "\x"})",
        R"({"a": "\ud800"})",
        R"({"a": "\udc00"})",
        R"({"a": "b"} x)",
        R"({"a": "b")",
        R"({"a": [}])",
        "{\"a\": \"tab\there\"}",
        R"({} {})",
        R"({"a": -})",
        R"({"a": 1e+5, "b": -0.0})",
        R"(  [ ]  )",
    };
    for (const std::string& doc : docs) {
      CAPTURE(doc);
      CHECK(stream_valid(doc, doc.size()) == whole_valid(doc));
      CHECK(stream_valid(doc, 1) == whole_valid(doc));
      CHECK(stream_valid(doc, 3) == whole_valid(doc));
    }
  }

  TEST_CASE("one piece holding the line gives the whole-line fields") {
    std::mt19937 rng(3);
    for (int round = 0; round < 300; ++round) {
      const std::string doc = random_doc(rng);
      CAPTURE(doc);
      REQUIRE(whole_valid(doc));
      Record whole = test::read_line(doc);
      bool valid = false;
      std::vector<Part> parts = read_in_pieces(doc, doc.size(), 0, {}, valid);
      CHECK(valid);
      REQUIRE(parts.size() == whole.fields.size());
      for (size_t i = 0; i < parts.size(); ++i) {
        CHECK(parts[i].pointer == whole.fields[i].pointer);
        CHECK(parts[i].text == whole.fields[i].text);
        CHECK(parts[i].role == whole.fields[i].role);
        CHECK(parts[i].decoded_from == 0);
      }
    }
  }

  TEST_CASE("pieces cut anywhere give each string's text at its offsets") {
    std::mt19937 rng(5);
    ReaderOptions keys;
    keys.scan_keys = true;
    for (int round = 0; round < 300; ++round) {
      const std::string doc = random_doc(rng);
      CAPTURE(doc);
      Record whole = test::read_line(doc, keys);
      // (pointer, is_key) -> texts: random keys may repeat in an object.
      std::multimap<std::pair<std::string, bool>, std::string> texts;
      for (const Field& f : whole.fields) {
        texts.emplace(std::pair(std::string(f.pointer), f.is_key), f.text);
      }
      const size_t piece = 7 + rng() % 40;
      const size_t context = 6 + rng() % 20;
      CAPTURE(piece);
      CAPTURE(context);
      bool valid = false;
      for (const Part& part :
           read_in_pieces(doc, piece, context, keys, valid)) {
        CAPTURE(part.pointer);
        CAPTURE(part.text);
        CAPTURE(part.decoded_from);
        auto [from, to] = texts.equal_range({part.pointer, part.is_key});
        CHECK(std::any_of(from, to, [&](const auto& entry) {
          return part.decoded_from <= entry.second.size() &&
                 entry.second.substr(part.decoded_from, part.text.size()) ==
                     part.text;
        }));
      }
      CHECK(valid);
    }
  }

  TEST_CASE("a piece that stops being JSON is read as text") {
    const std::string doc = R"({"a": "bob@example.com", "b": tru, "c": "x"})";
    bool valid = true;
    read_in_pieces(doc, 20, 6, {}, valid);
    CHECK_FALSE(valid);
  }

} // TEST_SUITE

} // namespace veil
