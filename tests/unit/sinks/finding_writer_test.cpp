#include "sinks/report/finding_writer.hpp"
#include "sinks/report/json_fields.hpp"
#include "sinks/report/json_layout.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace veil {
namespace {

// The finding as an nlohmann object, keys in DESIGN.md's order: what the
// writer's text must be the dump of.
nlohmann::ordered_json as_object(const Finding& f) {
  nlohmann::ordered_json j;
  j["file"] = f.file;
  j["line"] = f.line;
  if (!f.record_id.empty()) {
    j["record_id"] = f.record_id;
  }
  j["path"] = f.path;
  if (!f.role.empty()) {
    j["role"] = f.role;
  }
  j["rule"] = f.rule;
  j["entity"] = f.entity;
  j["category"] = f.category;
  j["severity"] = to_string(f.severity);
  j["confidence"] = round_confidence(f.confidence);
  j["start"] = f.start;
  j["end"] = f.end;
  j["column"] = f.column;
  j["preview"] = f.preview;
  j["fingerprint"] = f.fingerprint;
  j["action"] = f.action;
  if (!f.replacement.empty()) {
    j["replacement"] = f.replacement;
  }
  if (!f.signals.empty()) {
    j["signals"] = f.signals;
  }
  return j;
}

struct Random {
  uint32_t state;
  uint32_t next() {
    state = state * 1103515245u + 12345u;
    return state >> 8;
  }
  // Mostly plain text; now and then a quote, a backslash, a control
  // character, DEL, UTF-8, or a byte that is not UTF-8.
  std::string text() {
    static const std::string_view pieces[] = {
        "a",    "Z9",   " ",         "/messages/0/content",
        "\"",   "\\",   "\n",        "\t",
        "\x01", "\x7f", "é",         "日本",
        "\xff", "\xc3", "[EMAIL_1]", "sk-****",
        "~1",   ""};
    std::string out;
    for (uint32_t n = next() % 6; n > 0; --n) {
      out += pieces[next() % std::size(pieces)];
    }
    return out;
  }
};

TEST_SUITE("sinks::finding_writer") {

  TEST_CASE("the text is nlohmann's dump of the finding, nested or compact") {
    Random r{7};
    for (int i = 0; i < 3000; ++i) {
      Finding f;
      f.file = r.text();
      f.line = r.next() % 3 == 0 ? 0 : uint64_t(r.next()) * 4099;
      f.record_id = r.next() % 2 ? r.text() : "";
      f.path = r.text();
      f.role = r.next() % 2 ? r.text() : "";
      f.rule = r.text();
      f.entity = r.text();
      f.category = r.text();
      f.severity = Severity(r.next() % 5);
      f.confidence = double(r.next() % 1000) / 997.0;
      f.start = r.next();
      f.end = uint64_t(r.next()) << 20;
      f.column = r.next() % 100;
      f.preview = r.text();
      f.fingerprint = r.text();
      f.action = r.text();
      f.replacement = r.next() % 2 ? r.text() : "";
      for (uint32_t n = r.next() % 4; n > 0; --n) {
        f.signals.push_back(r.text());
      }
      CAPTURE(i);
      std::string nested;
      append_finding_json(f, 2, 4, nested);
      CHECK(nested == nested_json(as_object(f), 4));
      std::string compact = "x";
      append_finding_json(f, -1, 4, compact);
      CHECK(compact == "x" + dump_json(as_object(f), -1));
    }
  }

} // TEST_SUITE

} // namespace
} // namespace veil
