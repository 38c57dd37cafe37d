#include "read_util.hpp"
#include "reader/chat_shapes.hpp"

#include <doctest/doctest.h>

#include <ostream>
#include <string>
#include <vector>

namespace veil {
namespace {

using test::read_line;

struct RoleView {
  std::string pointer;
  std::string role;
  Direction direction;

  bool operator==(const RoleView&) const = default;
};

std::ostream& operator<<(std::ostream& os, const std::vector<RoleView>& v) {
  for (const RoleView& r : v) {
    os << "{" << r.pointer << " " << r.role << " " << to_string(r.direction)
       << "} ";
  }
  return os;
}

std::vector<RoleView> roles_of(std::string_view line) {
  Record record = read_line(line);
  CHECK(record.kind == RecordKind::json);
  std::vector<RoleView> out;
  for (const Field& f : record.fields) {
    out.push_back(RoleView{std::string(f.pointer), f.role, f.direction});
  }
  return out;
}

constexpr Direction in = Direction::input;
constexpr Direction out = Direction::output;
constexpr Direction sys = Direction::system;
constexpr Direction none = Direction::unknown;

TEST_SUITE("reader::chat_shapes") {

  TEST_CASE("direction_of_role") {
    for (std::string_view r :
         {"user", "tool", "function", "ipython", "human"}) {
      CHECK(direction_of_role(r) == in);
    }
    for (std::string_view r : {"assistant", "model", "ai"}) {
      CHECK(direction_of_role(r) == out);
    }
    CHECK(direction_of_role("system") == sys);
    CHECK(direction_of_role("developer") == sys);
    CHECK(direction_of_role("") == none);
    CHECK(direction_of_role("User") == none);
    CHECK(direction_of_role("narrator") == none);
  }

  TEST_CASE("OpenAI chat request: messages[].role") {
    const std::string line =
        R"({"model":"gpt-4o","messages":[)"
        R"({"role":"system","content":"be nice"},)"
        R"({"role":"developer","content":"dev"},)"
        R"({"role":"user","content":"hi"},)"
        R"({"role":"assistant","content":"yo"},)"
        R"({"role":"tool","tool_call_id":"c1","content":"42"}]})";
    CHECK(roles_of(line) == std::vector<RoleView>{
                                {"/model", "", none},
                                {"/messages/0/role", "system", sys},
                                {"/messages/0/content", "system", sys},
                                {"/messages/1/role", "developer", sys},
                                {"/messages/1/content", "developer", sys},
                                {"/messages/2/role", "user", in},
                                {"/messages/2/content", "user", in},
                                {"/messages/3/role", "assistant", out},
                                {"/messages/3/content", "assistant", out},
                                {"/messages/4/role", "tool", in},
                                {"/messages/4/tool_call_id", "tool", in},
                                {"/messages/4/content", "tool", in},
                            });
  }

  TEST_CASE("OpenAI chat request: content parts take the message role") {
    const std::string line =
        R"({"messages":[{"role":"user","content":[{"type":"text","text":"a"}]}]})";
    CHECK(roles_of(line) == std::vector<RoleView>{
                                {"/messages/0/role", "user", in},
                                {"/messages/0/content/0/type", "user", in},
                                {"/messages/0/content/0/text", "user", in},
                            });
  }

  TEST_CASE("OpenAI/DeepSeek response: choices[].message") {
    const std::string line =
        R"({"id":"chatcmpl-1","choices":[{"index":0,"message":)"
        R"({"role":"assistant","content":"answer","reasoning_content":"think",)"
        R"("tool_calls":[{"id":"call_1","type":"function","function":)"
        R"({"name":"f","arguments":"{\"q\":1}"}}]}}]})";
    CHECK(
        roles_of(line) ==
        std::vector<RoleView>{
            {"/id", "", none},
            {"/choices/0/message/role", "assistant", out},
            {"/choices/0/message/content", "assistant", out},
            {"/choices/0/message/reasoning_content", "assistant", out},
            {"/choices/0/message/tool_calls/0/id", "assistant", out},
            {"/choices/0/message/tool_calls/0/type", "assistant", out},
            {"/choices/0/message/tool_calls/0/function/name", "assistant", out},
            {"/choices/0/message/tool_calls/0/function/arguments", "assistant",
             out},
        });
  }

  TEST_CASE("streaming: a delta without role is assistant text") {
    const std::string line =
        R"({"object":"chat.completion.chunk","choices":[{"delta":)"
        R"({"content":"par","reasoning_content":"tial"}}]})";
    CHECK(roles_of(line) ==
          std::vector<RoleView>{
              {"/object", "", none},
              {"/choices/0/delta/content", "assistant", out},
              {"/choices/0/delta/reasoning_content", "assistant", out},
          });
  }

  TEST_CASE("legacy completions: choices[].text") {
    const std::string line = R"({"choices":[{"text":"done"}]})";
    CHECK(roles_of(line) == std::vector<RoleView>{
                                {"/choices/0/text", "assistant", out},
                            });
  }

  TEST_CASE("Anthropic request: top-level system and content blocks") {
    const std::string line =
        R"({"model":"claude-3-5-sonnet","system":"be brief","messages":[)"
        R"({"role":"user","content":[{"type":"text","text":"q"},)"
        R"({"type":"tool_result","tool_use_id":"t1","content":"r"}]},)"
        R"({"role":"assistant","content":[{"type":"text","text":"a"}]}]})";
    CHECK(roles_of(line) ==
          std::vector<RoleView>{
              {"/model", "", none},
              {"/system", "system", sys},
              {"/messages/0/role", "user", in},
              {"/messages/0/content/0/type", "user", in},
              {"/messages/0/content/0/text", "user", in},
              {"/messages/0/content/1/type", "user", in},
              {"/messages/0/content/1/tool_use_id", "user", in},
              {"/messages/0/content/1/content", "user", in},
              {"/messages/1/role", "assistant", out},
              {"/messages/1/content/0/type", "assistant", out},
              {"/messages/1/content/0/text", "assistant", out},
          });
  }

  TEST_CASE("Anthropic request: system as a list of blocks") {
    const std::string line = R"({"system":[{"type":"text","text":"rules"}]})";
    CHECK(roles_of(line) == std::vector<RoleView>{
                                {"/system/0/type", "system", sys},
                                {"/system/0/text", "system", sys},
                            });
  }

  TEST_CASE("Anthropic response: the top-level role covers every field") {
    const std::string line =
        R"({"id":"msg_1","type":"message","role":"assistant",)"
        R"("content":[{"type":"text","text":"hello"}],"stop_reason":"end_turn"})";
    CHECK(roles_of(line) == std::vector<RoleView>{
                                {"/id", "assistant", out},
                                {"/type", "assistant", out},
                                {"/role", "assistant", out},
                                {"/content/0/type", "assistant", out},
                                {"/content/0/text", "assistant", out},
                                {"/stop_reason", "assistant", out},
                            });
  }

  TEST_CASE("an inner role wins over an outer one") {
    const std::string line =
        R"({"role":"assistant","messages":[{"role":"user","content":"x"}],)"
        R"("text":"y"})";
    CHECK(roles_of(line) == std::vector<RoleView>{
                                {"/role", "assistant", out},
                                {"/messages/0/role", "user", in},
                                {"/messages/0/content", "user", in},
                                {"/text", "assistant", out},
                            });
  }

  TEST_CASE("a role applies to its own object only, not to siblings sharing a "
            "prefix") {
    const std::string line =
        R"({"messages":[{"role":"user"},{"content":"x"}],"m":{"role":"tool"},)"
        R"("mx":"y"})";
    CHECK(roles_of(line) == std::vector<RoleView>{
                                {"/messages/0/role", "user", in},
                                {"/messages/1/content", "", none},
                                {"/m/role", "tool", in},
                                {"/mx", "", none},
                            });
  }

  TEST_CASE("prompt/completion and input/output pairs") {
    const std::string pc = R"({"prompt":"p","completion":"c","meta":"m"})";
    CHECK(roles_of(pc) == std::vector<RoleView>{
                              {"/prompt", "user", in},
                              {"/completion", "assistant", out},
                              {"/meta", "", none},
                          });
    const std::string io =
        R"({"input":"i","output":"o","instructions":"s","question":"q",)"
        R"("answer":"a","query":"x","response":"r","system_prompt":"sp"})";
    CHECK(roles_of(io) == std::vector<RoleView>{
                              {"/input", "user", in},
                              {"/output", "assistant", out},
                              {"/instructions", "system", sys},
                              {"/question", "user", in},
                              {"/answer", "assistant", out},
                              {"/query", "user", in},
                              {"/response", "assistant", out},
                              {"/system_prompt", "system", sys},
                          });
  }

  TEST_CASE("Responses API: input[]/output[] items") {
    const std::string line =
        R"({"input":[{"role":"user","content":"q"},"bare"],)"
        R"("output":[{"type":"reasoning","summary":[{"text":"s"}]},)"
        R"({"type":"message","role":"assistant","content":[{"text":"a"}]}]})";
    CHECK(roles_of(line) == std::vector<RoleView>{
                                {"/input/0/role", "user", in},
                                {"/input/0/content", "user", in},
                                {"/input/1", "user", in},
                                {"/output/0/type", "assistant", out},
                                {"/output/0/summary/0/text", "assistant", out},
                                {"/output/1/type", "assistant", out},
                                {"/output/1/role", "assistant", out},
                                {"/output/1/content/0/text", "assistant", out},
                            });
  }

  TEST_CASE("an unknown role value gives an unknown direction") {
    const std::string line =
        R"({"messages":[{"role":"narrator","content":"x"}]})";
    CHECK(roles_of(line) == std::vector<RoleView>{
                                {"/messages/0/role", "narrator", none},
                                {"/messages/0/content", "narrator", none},
                            });
  }

  TEST_CASE("scanned keys get the role of the object they belong to") {
    ReaderOptions options;
    options.scan_keys = true;
    const std::string line = R"({"messages":[{"role":"user","k":"v"}]})";
    Record r = read_line(line, options);
    std::vector<RoleView> got;
    for (const Field& f : r.fields) {
      got.push_back({std::string(f.pointer) + (f.is_key ? " key" : ""), f.role,
                     f.direction});
    }
    CHECK(got == std::vector<RoleView>{
                     {"/messages key", "", none},
                     {"/messages/0/role key", "user", in},
                     {"/messages/0/role", "user", in},
                     {"/messages/0/k key", "user", in},
                     {"/messages/0/k", "user", in},
                 });
  }

  TEST_CASE("assign_roles on a hand-built record") {
    Record record;
    record.roles = {{"/a", "assistant"}};
    Field inside;
    inside.pointer = "/a/b";
    Field outside;
    outside.pointer = "/prompt";
    Field text; // a text line's field has no pointer
    record.fields = {inside, outside, text};
    assign_roles(record);
    CHECK(record.fields[0].role == "assistant");
    CHECK(record.fields[0].direction == out);
    CHECK(record.fields[1].role == "user");
    CHECK(record.fields[1].direction == in);
    CHECK(record.fields[2].role == "");
    CHECK(record.fields[2].direction == none);
  }

  TEST_CASE("the innermost object with a role gives it; a sibling whose "
            "name only starts the same does not") {
    Record record;
    record.roles = {{"", "system"},
                    {"/a", "assistant"},
                    {"/a/tool", "tool"},
                    {"/a/empty", ""}};
    for (std::string_view pointer :
         {"/a/tool/x", "/a/toolbox", "/a/empty/x", "/b", ""}) {
      record.fields.add(pointer);
    }
    assign_roles(record);
    CHECK(record.fields[0].role == "tool");
    CHECK(record.fields[1].role == "assistant");
    CHECK(record.fields[2].role == "assistant"); // an empty role is none
    CHECK(record.fields[3].role == "system");
    CHECK(record.fields[4].role == "system");
  }

  TEST_CASE("an object's last role counts, in records of few roles and of "
            "many") {
    // Padded with roles of other objects past the count from which the
    // roles are sorted and searched instead of scanned.
    for (size_t padding : {0, 40}) {
      Record record;
      record.roles = {{"/m/1", "user"},
                      {"/m/0", "tool"},
                      {"/m/1", "assistant"},
                      {"/m/0", ""},
                      {"", "system"}};
      for (size_t i = 0; i < padding; ++i) {
        record.roles.emplace_back("/pad/" + std::to_string(i), "user");
      }
      for (std::string_view pointer : {"/m/1/content", "/m/0/x", "/other"}) {
        record.fields.add(pointer);
      }
      assign_roles(record);
      CAPTURE(padding);
      CHECK(record.fields[0].role == "assistant");
      CHECK(record.fields[1].role == "system"); // "" last: the root's
      CHECK(record.fields[2].role == "system");
    }
  }

  TEST_CASE("every message of a very long conversation gets its own role") {
    Record record;
    const size_t n = 20000;
    for (size_t i = 0; i < n; ++i) {
      std::string message = "/messages/" + std::to_string(i);
      record.roles.emplace_back(message, i % 2 == 0 ? "user" : "assistant");
      record.fields.add(message + "/content");
    }
    assign_roles(record);
    size_t right = 0;
    for (size_t i = 0; i < n; ++i) {
      right += record.fields[i].direction == (i % 2 == 0 ? in : out);
    }
    CHECK(right == n);
  }

} // TEST_SUITE

} // namespace
} // namespace veil
