#include "read_util.hpp"
#include "reader/record_reader.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace veil {
namespace {

using test::FieldView;
using test::read_line;
using test::views;
using test::with_fields;

ReaderOptions mode(InputMode m) {
  ReaderOptions options;
  options.mode = m;
  return options;
}

// The line storage[0, length) read where it lies, as a batch's lines are:
// the bytes after it are the reader's to read ahead.
Record read_in_place(const std::string& storage, size_t length,
                     const ReaderOptions& options) {
  RecordReader reader(options);
  Record record;
  record.content = std::string_view(storage).substr(0, length);
  record.readable_after = true;
  reader.read(record);
  return record;
}

// The one field of a text record: the whole line, not JSON.
void check_text_field(const Record& record) {
  REQUIRE(record.fields.size() == 1);
  const Field& f = record.fields[0];
  CHECK(f.pointer == "");
  CHECK(f.raw_begin == 0);
  CHECK(f.raw_end == record.content.size());
  CHECK(f.text == record.content);
  CHECK_FALSE(f.is_json);
  CHECK_FALSE(f.is_key);
  CHECK(f.role == "");
  CHECK(f.direction == Direction::unknown);
}

TEST_SUITE("reader::record_reader") {

  TEST_CASE("a line parsed where it lies, with any bytes after it, reads as "
            "its padded copy") {
    const std::vector<std::string> lines = {
        R"({"a":"x","b":["y\n",{"c":"d\u00e9"}],"role":"user"})",
        R"({"a":"unterminated)",
        R"({"a":"x"} {"b":"y"})",
        R"({"a":)",
        R"(["x", "y")",
        R"("just a string")",
        "{\"a\":\"\xff\xfe\"}",
        "",
        "not json at all",
        R"({"k":"v"})",
    };
    // What follows a line in a batch: the next lines, then zeros.
    const std::vector<std::string> afters = {
        std::string(k_read_ahead, '\0'),
        "\"}]}\"" + std::string(k_read_ahead, '"'),
        "\n{\"next\":\"line\"}\n" + std::string(k_read_ahead, '}'),
        std::string(k_read_ahead, '\\'),
    };
    const ReaderOptions options = mode(InputMode::jsonl);
    for (const std::string& line : lines) {
      Record copied = read_line(line, options);
      for (const std::string& after : afters) {
        const std::string storage = line + after;
        const Record record = read_in_place(storage, line.size(), options);
        INFO("line: ", line, " after: ", after.substr(0, 16));
        CHECK(record.kind == copied.kind);
        CHECK(record.invalid_utf8 == copied.invalid_utf8);
        CHECK(views(record) == views(copied));
      }
    }
  }

  TEST_CASE("a malformed line is invalid_json, in place as in a copy") {
    // In each, a plain string is followed by what no value may be; a walk
    // that skipped the string unread let the first through (simdjson skips
    // by balancing brackets).
    const std::vector<std::string> lines = {
        R"({"":["{x":"y"}]})", R"({"a":["x":"y"]})", R"({"a":"{x":"y"})",
        R"({"a":["x" "y"]})",  R"(["{",:])",
    };
    const ReaderOptions options = mode(InputMode::jsonl);
    for (const std::string& line : lines) {
      for (const std::string& after :
           {std::string(k_read_ahead, '\0'),
            "\n" + std::string(k_read_ahead, '\0'),
            "\n{\"next\":\"line\"}\n" + std::string(k_read_ahead, '}')}) {
        const std::string storage = line + after;
        const Record record = read_in_place(storage, line.size(), options);
        INFO("line: ", line, " after: ", after.substr(0, 16));
        CHECK(record.kind == RecordKind::invalid_json);
      }
      CHECK(read_line(line, options).kind == RecordKind::invalid_json);
    }
  }

  TEST_CASE("auto: a line starting with { or [ is JSON") {
    const std::string obj = R"(  {"a":"x"})";
    Record r = read_line(obj);
    CHECK(r.kind == RecordKind::json);
    CHECK(views(r) == std::vector<FieldView>{{"/a", R"("x")", "x"}});
    CHECK(r.fields[0].raw_begin == 7);
    CHECK(r.fields[0].is_json);

    const std::string arr = "\t[\"y\"]";
    Record a = read_line(arr);
    CHECK(a.kind == RecordKind::json);
    CHECK(views(a) == std::vector<FieldView>{{"/0", R"("y")", "y"}});
  }

  TEST_CASE("auto: anything else is one text field") {
    for (std::string_view line : {"hello jane@example.com", " \"quoted\"", "42",
                                  "x {\"a\":1}", "null"}) {
      CAPTURE(line);
      Record r = read_line(line);
      CHECK(r.kind == RecordKind::text);
      CHECK_FALSE(r.invalid_utf8);
      check_text_field(r);
    }
  }

  TEST_CASE("auto: a JSON-looking line that does not parse is invalid_json") {
    for (std::string_view line :
         {R"({"a":"b")", R"({} {})", R"({"a":"\ud800"})", "[1,2", "{oops}"}) {
      CAPTURE(line);
      Record r = read_line(line);
      CHECK(r.kind == RecordKind::invalid_json);
      CHECK_FALSE(r.invalid_utf8);
      check_text_field(r);
      CHECK(r.roles.empty());
    }
  }

  TEST_CASE("a failed parse leaves no partial JSON state behind") {
    // The first string and the model are read before the parse fails.
    const std::string line = R"({"id":"r1","model":"m","a":"x","b":)";
    Record r = read_line(line);
    CHECK(r.kind == RecordKind::invalid_json);
    check_text_field(r);
    CHECK(r.record_id == "");
    CHECK(r.model_hint == "");
  }

  TEST_CASE("jsonl: every non-blank line is parsed") {
    const std::string text = "plain text";
    Record r = read_line(text, mode(InputMode::jsonl));
    CHECK(r.kind == RecordKind::invalid_json);
    check_text_field(r);

    const std::string obj = R"({"a":"x"})";
    Record j = read_line(obj, mode(InputMode::jsonl));
    CHECK(j.kind == RecordKind::json);
    CHECK(views(j) == std::vector<FieldView>{{"/a", R"("x")", "x"}});
  }

  TEST_CASE("jsonl: a scalar JSON line is JSON") {
    const std::string s = R"("mail jane@example.com")";
    Record r = read_line(s, mode(InputMode::jsonl));
    CHECK(r.kind == RecordKind::json);
    CHECK(views(r) == std::vector<FieldView>{
                          {"", s, "mail jane@example.com"},
                      });
    const std::string n = "42";
    CHECK(read_line(n, mode(InputMode::jsonl)).kind == RecordKind::json);
  }

  TEST_CASE("text: JSON is not parsed") {
    const std::string obj = R"({"a":"x\n"})";
    Record r = read_line(obj, mode(InputMode::text));
    CHECK(r.kind == RecordKind::text);
    check_text_field(r);
    CHECK(r.record_id == "");
  }

  TEST_CASE("empty and blank lines") {
    for (InputMode m :
         {InputMode::auto_detect, InputMode::jsonl, InputMode::text}) {
      CAPTURE(static_cast<int>(m));
      Record empty = read_line("", mode(m));
      CHECK(empty.kind == RecordKind::text);
      CHECK(empty.fields.empty());
      CHECK_FALSE(empty.invalid_utf8);

      const std::string blank = " \t ";
      Record b = read_line(blank, mode(m));
      CHECK(b.kind == RecordKind::text);
      check_text_field(b);
    }
  }

  TEST_CASE("invalid UTF-8 is scanned as text and flagged") {
    const std::string text = "caf\xE9 au lait";
    Record t = read_line(text);
    CHECK(t.kind == RecordKind::text);
    CHECK(t.invalid_utf8);
    check_text_field(t);

    const std::string json = "{\"a\":\"caf\xE9\"}";
    Record j = read_line(json);
    CHECK(j.kind == RecordKind::text);
    CHECK(j.invalid_utf8);
    check_text_field(j);

    const std::string truncated = "ok \xE2\x82";
    CHECK(read_line(truncated, mode(InputMode::text)).invalid_utf8);
  }

  TEST_CASE("valid UTF-8 text is not flagged") {
    const std::string text = "Jos\xC3\xA9 \xF0\x9F\x98\x80";
    Record r = read_line(text);
    CHECK_FALSE(r.invalid_utf8);
    check_text_field(r);
  }

  TEST_CASE("the BOM is the caller's: content starts after it") {
    const std::string raw = "\xEF\xBB\xBF{\"a\":\"x\"}";
    std::string_view whole = raw;
    ReaderOptions options;
    RecordReader reader(options);
    Record record;
    record.bom = whole.substr(0, 3);
    record.content = whole.substr(3);
    reader.read(record);
    CHECK(record.kind == RecordKind::json);
    CHECK(views(record) == std::vector<FieldView>{{"/a", R"("x")", "x"}});
    CHECK(record.fields[0].raw_begin == 5);
  }

  TEST_CASE("deep nesting falls back to text") {
    const std::string line(100000, '[');
    Record r = read_line(line);
    CHECK(r.kind == RecordKind::invalid_json);
    check_text_field(r);
  }

  TEST_CASE("a reused reader resets the record between lines") {
    ReaderOptions options;
    RecordReader reader(options);
    const std::string first =
        R"({"id":"a","model":"m","messages":[{"role":"user","content":"x"}]})";
    const std::string second = "bad \xFF";
    const std::string third = R"({"b":"y"})";
    Record record;
    record.content = first;
    reader.read(record);
    CHECK(record.kind == RecordKind::json);
    CHECK(record.record_id == "a");
    CHECK(record.fields.size() == 4);

    record.content = second;
    reader.read(record);
    CHECK(record.kind == RecordKind::text);
    CHECK(record.invalid_utf8);
    CHECK(record.record_id == "");
    CHECK(record.model_hint == "");
    CHECK(record.roles.empty());
    check_text_field(record);

    record.content = third;
    reader.read(record);
    CHECK(record.kind == RecordKind::json);
    CHECK_FALSE(record.invalid_utf8);
    CHECK(views(record) == std::vector<FieldView>{{"/b", R"("y")", "y"}});
  }

  TEST_CASE("clear() empties everything read() fills") {
    ReaderOptions options;
    options.id_field = "/id";
    options.segment_field = "/tenant";
    RecordReader reader(options);
    const std::string line =
        R"({"id":"a","tenant":"t","model":"m","messages":[{"role":"user",)"
        R"("content":"x"}]})";
    Record record;
    record.content = line;
    reader.read(record);
    REQUIRE(record.has_segment);
    reader.clear(record);
    CHECK(record.fields.empty());
    CHECK(record.roles.empty());
    CHECK(record.record_id.empty());
    CHECK(record.segment.empty());
    CHECK_FALSE(record.has_segment);
    CHECK(record.model_hint.empty());
    CHECK_FALSE(record.invalid_utf8);
  }

  TEST_CASE("--field and --scan-keys reach the JSON reader") {
    ReaderOptions options = with_fields({"/keep"});
    options.scan_keys = true;
    const std::string line = R"({"keep":"k","drop":"d"})";
    Record r = read_line(line, options);
    CHECK(views(r) == std::vector<FieldView>{
                          {"/keep", R"("keep")", "keep", true},
                          {"/keep", R"("k")", "k", false},
                      });
  }

  TEST_CASE("--field does not apply to text lines") {
    const std::string line = "plain";
    Record r = read_line(line, with_fields({"/keep"}));
    check_text_field(r);
  }

} // TEST_SUITE

} // namespace
} // namespace veil
