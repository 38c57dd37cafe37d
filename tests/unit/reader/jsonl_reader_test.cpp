#include "read_util.hpp"
#include "reader/jsonl_reader.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace veil {
namespace {

using test::FieldView;
using test::views;
using test::with_fields;

// Runs JsonlReader alone; content must outlive the record.
struct JsonRead {
  JsonOutcome outcome;
  Record record;
};

JsonRead read_json(std::string_view content,
                   const ReaderOptions& options = {}) {
  JsonlReader reader(options);
  JsonRead out{JsonOutcome::ok, Record{}};
  out.record.content = content;
  out.outcome = reader.read(out.record);
  return out;
}

std::vector<FieldView> fields_of(std::string_view content,
                                 const ReaderOptions& options = {}) {
  JsonRead r = read_json(content, options);
  CHECK(r.outcome == JsonOutcome::ok);
  return views(r.record);
}

TEST_SUITE("reader::jsonl_reader") {

  TEST_CASE("every string value with its pointer, raw token and text") {
    const std::string line = R"({"a":"x","n":1,"b":true,"z":null,"c":"y"})";
    CHECK(fields_of(line) == std::vector<FieldView>{
                                 {"/a", R"("x")", "x"},
                                 {"/c", R"("y")", "y"},
                             });
  }

  TEST_CASE("raw spans exclude the whitespace around tokens") {
    const std::string line = "{ \"a\" :\t\"x\" , \"b\" : [ \"y\" ,\"z\"\t] , "
                             "\"c\" : \"\" }  ";
    CHECK(fields_of(line) == std::vector<FieldView>{
                                 {"/a", R"("x")", "x"},
                                 {"/b/0", R"("y")", "y"},
                                 {"/b/1", R"("z")", "z"},
                                 {"/c", R"("")", ""},
                             });
  }

  TEST_CASE("escapes are decoded in text and kept in the raw token") {
    const std::string line = R"({"s":"a\nb\"c\\d\/e\u00e9\ud83d\ude00\t"})";
    std::vector<FieldView> fields = fields_of(line);
    REQUIRE(fields.size() == 1);
    CHECK(fields[0].pointer == "/s");
    CHECK(fields[0].token == R"("a\nb\"c\\d\/e\u00e9\ud83d\ude00\t")");
    CHECK(fields[0].text == "a\nb\"c\\d/e\xC3\xA9\xF0\x9F\x98\x80\t");
  }

  TEST_CASE("a raw token that ends in an escaped quote or backslash") {
    const std::string line = R"({"a":"q\"","b":"s\\"})";
    CHECK(fields_of(line) == std::vector<FieldView>{
                                 {"/a", R"("q\"")", "q\""},
                                 {"/b", R"("s\\")", "s\\"},
                             });
  }

  TEST_CASE("raw UTF-8 in a string is kept as is") {
    const std::string line = "{\"name\":\"Jos\xC3\xA9 \xE7\x94\xA8\"}";
    CHECK(fields_of(line) == std::vector<FieldView>{
                                 {"/name", "\"Jos\xC3\xA9 \xE7\x94\xA8\"",
                                  "Jos\xC3\xA9 \xE7\x94\xA8"},
                             });
  }

  TEST_CASE(
      "nested arrays and objects give nested pointers in document order") {
    const std::string line =
        R"({"a":[["x"],{"b":"y"},[]],"c":{"d":{"e":"z"}},"f":{}})";
    CHECK(fields_of(line) == std::vector<FieldView>{
                                 {"/a/0/0", R"("x")", "x"},
                                 {"/a/1/b", R"("y")", "y"},
                                 {"/c/d/e", R"("z")", "z"},
                             });
  }

  TEST_CASE("keys with / and ~ are escaped in pointers") {
    const std::string line = R"({"a/b":{"m~n":"v"},"":"e"})";
    CHECK(fields_of(line) == std::vector<FieldView>{
                                 {"/a~1b/m~0n", R"("v")", "v"},
                                 {"/", R"("e")", "e"},
                             });
  }

  TEST_CASE("a key written with escapes gets its decoded name in the pointer") {
    const std::string line = R"({"k\u0065y":"v","a\/b":"w"})";
    CHECK(fields_of(line) == std::vector<FieldView>{
                                 {"/key", R"("v")", "v"},
                                 {"/a~1b", R"("w")", "w"},
                             });
  }

  TEST_CASE("a root array") {
    const std::string line = R"(["a", 1, ["b"]])";
    CHECK(fields_of(line) == std::vector<FieldView>{
                                 {"/0", R"("a")", "a"},
                                 {"/2/0", R"("b")", "b"},
                             });
  }

  TEST_CASE("empty containers parse with no fields") {
    CHECK(fields_of("{}").empty());
    CHECK(fields_of("[]").empty());
    CHECK(fields_of(" { } ").empty());
  }

  TEST_CASE("--field keeps only selected strings") {
    const std::string line =
        R"({"model":"m","messages":[{"role":"user","content":"hi"},)"
        R"({"role":"assistant","content":[{"type":"text","text":"yo"}]}]})";
    CHECK(fields_of(line, with_fields({"/messages/*/content"})) ==
          std::vector<FieldView>{
              {"/messages/0/content", R"("hi")", "hi"},
              {"/messages/1/content/0/type", R"("text")", "text"},
              {"/messages/1/content/0/text", R"("yo")", "yo"},
          });
    CHECK(fields_of(line, with_fields({"/**/text"})) ==
          std::vector<FieldView>{
              {"/messages/1/content/0/text", R"("yo")", "yo"},
          });
    CHECK(fields_of(line, with_fields({"/model", "/messages/0/role"})) ==
          std::vector<FieldView>{
              {"/model", R"("m")", "m"},
              {"/messages/0/role", R"("user")", "user"},
          });
    CHECK(fields_of(line, with_fields({"/nothing"})).empty());
  }

  TEST_CASE("--scan-keys adds each selected key before its value") {
    ReaderOptions options;
    options.scan_keys = true;
    const std::string line = R"({"email": "x", "n":{"k\"q":1},"l":["s"]})";
    JsonRead r = read_json(line, options);
    REQUIRE(r.outcome == JsonOutcome::ok);
    CHECK(views(r.record) == std::vector<FieldView>{
                                 {"/email", R"("email")", "email", true},
                                 {"/email", R"("x")", "x", false},
                                 {"/n", R"("n")", "n", true},
                                 {"/n/k\"q", R"("k\"q")", "k\"q", true},
                                 {"/l", R"("l")", "l", true},
                                 {"/l/0", R"("s")", "s", false},
                             });
    for (const Field& f : r.record.fields) {
      CHECK(f.is_json);
    }
  }

  TEST_CASE("--scan-keys with --field scans only the selected keys") {
    ReaderOptions options = with_fields({"/a"});
    options.scan_keys = true;
    const std::string line = R"({"a":{"b":"v"},"c":"w"})";
    CHECK(fields_of(line, options) == std::vector<FieldView>{
                                          {"/a", R"("a")", "a", true},
                                          {"/a/b", R"("b")", "b", true},
                                          {"/a/b", R"("v")", "v", false},
                                      });
  }

  TEST_CASE("record_id comes from /id, a string or a number") {
    const std::string s = R"({"id":"req-7","x":"y"})";
    CHECK(read_json(s).record.record_id == "req-7");
    const std::string n = R"({"x":"y", "id" : 42 })";
    CHECK(read_json(n).record.record_id == "42");
    const std::string neg = R"({"id":-1.5e3})";
    CHECK(read_json(neg).record.record_id == "-1.5e3");
    const std::string nested = R"({"meta":{"id":"no"}})";
    CHECK(read_json(nested).record.record_id == "");
    const std::string escaped = R"({"id":"a\"b"})";
    CHECK(read_json(escaped).record.record_id == "a\"b");
  }

  TEST_CASE("record_id from a custom --id-field") {
    ReaderOptions options;
    options.id_field = "/meta/request_id";
    const std::string line = R"({"id":"top","meta":{"request_id":"r-1"}})";
    CHECK(read_json(line, options).record.record_id == "r-1");
  }

  TEST_CASE("record_id is read even where --field does not scan") {
    ReaderOptions options = with_fields({"/text"});
    options.id_field = "/meta/request_id";
    const std::string line =
        R"({"meta":{"request_id":"r-1","model":"deepseek-chat"},"text":"t"})";
    JsonRead r = read_json(line, options);
    CHECK(r.outcome == JsonOutcome::ok);
    CHECK(r.record.record_id == "r-1");
    CHECK(r.record.model_hint == "deepseek-chat ");
    // Without --field the same line gives both.
    ReaderOptions all;
    all.id_field = "/meta/request_id";
    JsonRead whole = read_json(line, all);
    CHECK(whole.record.record_id == "r-1");
    CHECK(whole.record.model_hint == "deepseek-chat ");
  }

  TEST_CASE("record_id is read when --field does not select it") {
    ReaderOptions options = with_fields({"/text"});
    const std::string line = R"({"id":"r-9","text":"t"})";
    JsonRead r = read_json(line, options);
    CHECK(r.record.record_id == "r-9");
    CHECK(views(r.record) == std::vector<FieldView>{{"/text", R"("t")", "t"}});
  }

  TEST_CASE("model_hint collects model and provider fields") {
    const std::string line =
        R"({"model":"deepseek-chat","base_url":"https://api.deepseek.com",)"
        R"("x":"y","nested":{"provider":"openai"}})";
    CHECK(read_json(line).record.model_hint ==
          "deepseek-chat https://api.deepseek.com openai ");
    const std::string none = R"({"models":"m","x":"model"})";
    CHECK(read_json(none).record.model_hint == "");
  }

  TEST_CASE("model hints are read when --field excludes them") {
    const std::string line = R"({"model":"claude-3","text":"t"})";
    JsonRead r = read_json(line, with_fields({"/text"}));
    CHECK(r.record.model_hint == "claude-3 ");
    CHECK(r.record.fields.size() == 1);
  }

  TEST_CASE("role keys are collected with the pointer of their object") {
    const std::string line =
        R"({"role":"assistant","messages":[{"role":"user"},{"x":{"role":"tool"}}]})";
    JsonRead r = read_json(line);
    using Roles = std::vector<std::pair<std::string, std::string>>;
    CHECK(r.record.roles == Roles{{"", "assistant"},
                                  {"/messages/0", "user"},
                                  {"/messages/1/x", "tool"}});
  }

  TEST_CASE("malformed JSON is invalid_json") {
    for (std::string_view line : {
             R"({"a":"b")",           // truncated
             R"({"a":"b)",            // unterminated string
             R"({"a":)",              // missing value
             R"({} {})",              // trailing document
             R"({"a":1}})",           // trailing brace
             R"({"a":1} x)",          // trailing garbage
             R"([1,2)",               // unclosed array
             R"({"a" "b"})",          // missing colon
             R"({a:"b"})",            // unquoted key
             R"({"a":"\ud800"})",     // lone surrogate
             R"({"a":"\x"})",         // bad escape
             "{\"a\":\"tab\there\"}", // raw control character
             R"({"a":["x":"y"]})",    // a colon in an array
             R"({"a":["{x":"y"]})",   // the same after a string like "{x"
             R"({"a":"{x":"y"})",     // two values for a key
         }) {
      CAPTURE(line);
      CHECK(read_json(line).outcome == JsonOutcome::invalid_json);
    }
  }

  TEST_CASE("malformed scalars are invalid_json") {
    for (std::string_view line : {
             R"({"a":tru})",
             R"({"a":nul})",
             R"({"a":1x2})",
             R"({"a":--1})",
             R"([falsey])",
         }) {
      CAPTURE(line);
      CHECK(read_json(line).outcome == JsonOutcome::invalid_json);
    }
  }

  TEST_CASE("malformed values under an unselected --field subtree are "
            "invalid_json") {
    const std::string line = R"({"other":[tru, "x" "y"],"text":"t"})";
    CHECK(read_json(line, with_fields({"/text"})).outcome ==
          JsonOutcome::invalid_json);
  }

  TEST_CASE("invalid UTF-8 inside JSON is its own outcome") {
    const std::string line = "{\"a\":\"\xFF\xFE\"}";
    CHECK(read_json(line).outcome == JsonOutcome::invalid_utf8);
    const std::string overlong = "{\"a\":\"\xC0\xAF\"}";
    CHECK(read_json(overlong).outcome == JsonOutcome::invalid_utf8);
  }

  TEST_CASE("deep nesting is refused without crashing") {
    const std::string open(100000, '[');
    CHECK(read_json(open).outcome == JsonOutcome::invalid_json);
    const std::string balanced = std::string(600, '[') + std::string(600, ']');
    CHECK(read_json(balanced).outcome == JsonOutcome::invalid_json);
    std::string objects;
    for (int i = 0; i < 5000; ++i) {
      objects += "{\"a\":";
    }
    objects += "\"x\"" + std::string(5000, '}');
    CHECK(read_json(objects).outcome == JsonOutcome::invalid_json);
  }

  TEST_CASE("moderate nesting is read with the full pointer") {
    const std::string line =
        std::string(100, '[') + "\"deep\"" + std::string(100, ']');
    std::string pointer;
    for (int i = 0; i < 100; ++i) {
      pointer += "/0";
    }
    CHECK(fields_of(line) ==
          std::vector<FieldView>{{pointer, R"("deep")", "deep"}});
  }

  TEST_CASE("one reader reads many lines without leaking state") {
    ReaderOptions options;
    JsonlReader reader(options);
    const std::string first = R"({"a":"long value here","model":"x"})";
    const std::string second = R"(["b"])";
    Record one;
    one.content = first;
    CHECK(reader.read(one) == JsonOutcome::ok);
    Record two;
    two.content = second;
    CHECK(reader.read(two) == JsonOutcome::ok);
    CHECK(views(two) == std::vector<FieldView>{{"/0", R"("b")", "b"}});
    CHECK(two.model_hint == "");
  }

} // TEST_SUITE

} // namespace
} // namespace veil
