#include "policy/field_planner.hpp"
#include "policy/policy_loader.hpp"
#include "policy/record_applier.hpp"
#include "reader/record_reader.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace veil::policy {
namespace {

Policy load(std::string_view text) {
  Policy p;
  merge_policy_text(text, "p.toml", p, true);
  return p;
}

struct Applied {
  std::string line;
  std::vector<std::string> scanned; // pointers left for the scanner
  std::string reject;
};

// Reads the line, plans it and applies the plan with a fake replacer that
// shows the style and entity.
Applied apply_policy(const Policy& policy, std::string_view line) {
  ReaderOptions options;
  RecordReader reader(options);
  Record record;
  record.content = line;
  reader.read(record);
  FieldPlanner planner(policy);
  RecordPlan plan;
  planner.plan(record, plan);
  Applied out;
  for (const Field& f : record.fields) {
    out.scanned.push_back(std::string(f.pointer) + "=" + std::string(f.text));
  }
  RecordApplier applier(policy);
  out.reject = applier.reject_reason(plan, {});
  std::vector<TokenEdit> edits;
  PolicyCounters counters;
  applier.add_edits(
      plan,
      [](Style s, const std::string& entity, std::string_view value) {
        return "<" + std::string(to_string(s)) + ":" + entity + ":" +
               std::to_string(value.size()) + ">";
      },
      edits, counters);
  rewrite_line(line, edits, out.line);
  return out;
}

std::string drop(std::string_view path) {
  return "[policy]\n[[policy.fields]]\npath = '" + std::string(path) +
         "'\naction = \"drop\"\n";
}

bool valid_json(const std::string& s) {
  return nlohmann::json::accept(s);
}

TEST_SUITE("policy::field_planner") {
  TEST_CASE("drop keeps the commas right wherever the member is") {
    Policy p = load(drop("/b"));
    CHECK(apply_policy(p, R"({"a":1,"b":2,"c":3})").line == R"({"a":1,"c":3})");
    CHECK(apply_policy(p, R"({"b":2,"c":3})").line == R"({"c":3})");
    CHECK(apply_policy(p, R"({"a":1, "b": {"x":[1,2]}})").line == R"({"a":1})");
    CHECK(apply_policy(p, R"({ "b" : 2 })").line == R"({  })");
    CHECK(apply_policy(p, R"({"a":1})").line == R"({"a":1})");
  }

  TEST_CASE("drop on array elements removes them") {
    Policy p = load(drop("/tags/*"));
    CHECK(apply_policy(p, R"({"tags":["a","b"],"n":1})").line ==
          R"({"tags":[],"n":1})");
    Policy q = load(drop("/m/*/secret"));
    std::string out =
        apply_policy(q,
                     R"({"m":[{"secret":"s","t":"x"},{"t":"y","secret":"z"}]})")
            .line;
    CHECK(out == R"({"m":[{"t":"x"},{"t":"y"}]})");
  }

  TEST_CASE("runs of dropped members and duplicate keys") {
    Policy p = load(drop("/a"));
    CHECK(apply_policy(p, R"({"a":1,"a":2,"b":3,"a":4})").line == R"({"b":3})");
    Policy q = load("[policy]\nmode = \"allow\"\n[[policy.fields]]\n"
                    "path = \"/b\"\naction = \"scan\"\n");
    CHECK(apply_policy(q, R"({"a":1,"b":"x","c":3,"d":4})").line ==
          R"({"b":"x"})");
  }

  TEST_CASE("escaped keys and keys with / and ~") {
    Policy p = load(drop("/a~1b"));
    CHECK(apply_policy(p, R"({"a/b":1,"a":{"b":2}})").line ==
          R"({"a":{"b":2}})");
    Policy q = load(drop("/m~0n"));
    CHECK(apply_policy(q, R"({"m~n":1,"x":2})").line == R"({"x":2})");
    Policy r = load(drop("/email"));
    CHECK(apply_policy(r, R"({"\u0065mail":"a@b.c","x":2})").line ==
          R"({"x":2})");
  }

  TEST_CASE("keep and drop take fields out of what is scanned") {
    Policy p = load("[policy]\n[[policy.fields]]\npath = \"/meta\"\n"
                    "action = \"keep\"\n" +
                    drop("/drop").substr(9));
    Applied a =
        apply_policy(p, R"({"meta":{"x":"kept"},"drop":"gone","c":"seen"})");
    CHECK(a.scanned == std::vector<std::string>{"/c=seen"});
    CHECK(a.line == R"({"meta":{"x":"kept"},"c":"seen"})");
  }

  TEST_CASE("redact_all and hash replace whole values, numbers too") {
    Policy p =
        load("[policy]\n[[policy.fields]]\npath = \"/u\"\n"
             "action = \"hash\"\nentity = \"USER\"\n"
             "[[policy.fields]]\npath = \"/n\"\naction = \"redact_all\"\n"
             "style = \"mask\"\n");
    Applied a =
        apply_policy(p, R"({"u":12345,"n":{"first":"Ann","age":3},"x":"y"})");
    CHECK(
        a.line ==
        R"({"u":"<hash:USER:5>","n":{"first":"<mask:REDACTED:3>","age":"<mask:REDACTED:1>"},"x":"y"})");
    CHECK(a.scanned == std::vector<std::string>{"/x=y"});
    CHECK(valid_json(a.line));
  }

  TEST_CASE("truncate cuts on a UTF-8 boundary, adds the marker, still scans") {
    Policy p = load("[policy]\n[[policy.fields]]\npath = \"/t\"\n"
                    "truncate = 4\nmarker = \"...\"\n");
    Applied a = apply_policy(p, "{\"t\":\"ab\xc3\xa9xyz\",\"s\":\"abc\"}");
    CHECK(a.line == "{\"t\":\"ab\xc3\xa9...\",\"s\":\"abc\"}");
    // The whole value is scanned: a cut never hides half of a value.
    CHECK(a.scanned == std::vector<std::string>{"/t=ab\xc3\xa9xyz", "/s=abc"});
    Applied b = apply_policy(p, "{\"t\":\"abc\xc3\xa9\"}");
    CHECK(b.line == "{\"t\":\"abc...\"}");
    CHECK(utf8_prefix("\xe2\x82\xac", 2).empty());
  }

  TEST_CASE("a truncated field that findings redacted is cut after them") {
    Policy p = load("[policy]\n[[policy.fields]]\npath = \"/t\"\n"
                    "truncate = 6\nmarker = \"~\"\n");
    std::string line = R"({"t":"mail a@b.example now"})";
    Record record;
    record.content = line;
    ReaderOptions options;
    RecordReader reader(options);
    reader.read(record);
    RecordPlan plan;
    FieldPlanner(p).plan(record, plan);
    std::vector<TokenEdit> edits{TokenEdit{
        5, static_cast<uint32_t>(line.size() - 1), "mail [EMAIL_1] now", true}};
    PolicyCounters counters;
    RecordApplier(p).add_edits(
        plan, [](Style, const std::string&, std::string_view) { return ""; },
        edits, counters);
    REQUIRE(edits.size() == 1);
    CHECK(edits[0].text == "mail [~");
    CHECK(counters.truncated_fields == 1);
  }

  TEST_CASE("allow mode keeps only what is listed, fail-closed") {
    Policy p = load("[policy]\nmode = \"allow\"\n[[policy.fields]]\n"
                    "path = \"/messages/*/content\"\naction = \"scan\"\n"
                    "[[policy.fields]]\npath = \"/id\"\naction = \"keep\"\n");
    Applied a = apply_policy(
        p,
        R"({"id":"r1","user":"x","messages":[{"role":"user","content":"hi"}],"n":[1]})");
    CHECK(a.line == R"({"id":"r1","messages":[{"content":"hi"}]})");
    CHECK(a.scanned == std::vector<std::string>{"/messages/0/content=hi"});
    CHECK(apply_policy(p, "plain text line").reject ==
          "not a JSON record (allow mode)");
    // Auto mode reads a line that does not start with { or [ as text.
    CHECK(apply_policy(p, R"("a bare string")").reject ==
          "not a JSON record (allow mode)");
    CHECK(apply_policy(p, "").reject.empty());
  }

  TEST_CASE("whitespace, nesting and every output stays valid JSON") {
    Policy p = load(drop("**/email"));
    std::string in =
        "{ \"a\" : [ {\"email\" : \"x\" , \"k\" : 1 } , {\"email\":null} ] ,"
        " \"email\" : [1,2] }";
    Applied a = apply_policy(p, in);
    CHECK(valid_json(a.line));
    CHECK(nlohmann::json::parse(a.line) ==
          nlohmann::json::parse(R"({"a":[{"k":1},{}]})"));
  }
}

} // namespace
} // namespace veil::policy
