#include "actions/finding_builder.hpp"
#include "core/errors.hpp"
#include "reader/record_reader.hpp"
#include "scanner/scanner.hpp"

#include <doctest/doctest.h>

#include <ostream>
#include <string>
#include <vector>

namespace veil {
namespace {

RuleSpec rule(std::string id, std::string entity, std::string category,
              Severity severity, std::string regex, std::string style = "") {
  RuleSpec spec;
  spec.id = std::move(id);
  spec.entity = std::move(entity);
  spec.category = std::move(category);
  spec.severity = severity;
  spec.regex = std::move(regex);
  spec.style = std::move(style);
  return spec;
}

std::vector<RuleSpec> test_rules() {
  std::vector<RuleSpec> v;
  v.push_back(rule("t.email", "EMAIL_ADDRESS", "pii", Severity::medium,
                   R"((?i)[a-z.]+@[a-z]+\.com)"));
  v.push_back(rule("t.card", "CREDIT_CARD", "pii", Severity::high,
                   R"(\b\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}\b)", "partial"));
  v.push_back(rule("t.key", "OPENAI_API_KEY", "secret", Severity::critical,
                   R"(sk-[a-z0-9]{20})", "mask"));
  v.push_back(rule("t.inject", "PROMPT_INJECTION", "injection", Severity::high,
                   R"(ignore previous instructions)", "none"));
  return v;
}

struct EditView {
  uint32_t begin;
  uint32_t end;
  std::string text;
  bool json;
  bool operator==(const EditView&) const = default;
};

std::ostream& operator<<(std::ostream& os, const std::vector<EditView>& v) {
  for (const EditView& e : v) {
    os << "{[" << e.begin << "," << e.end << ") [" << e.text << "]"
       << (e.json ? " json" : "") << "} ";
  }
  return os;
}

// Reads, scans and builds one line at a time, like the pipeline does.
class Harness {
public:
  Harness() : m_rules(test_rules()), m_builder(options, hash) {
    options.keys = KeyMaterial(std::string("test-key"));
  }

  ActionOptions options;
  ReaderOptions reader_options;
  KeyedHash hash{"test-key"};
  std::vector<Finding> findings;
  std::vector<TokenEdit> edits;
  Record record;

  // line must outlive the next call.
  void build(std::string_view line, uint64_t number = 1) {
    RecordReader reader(reader_options);
    record = Record{};
    record.line = number;
    record.content = line;
    reader.read(record);
    std::vector<Match> matches;
    Scanner scanner(m_rules);
    scanner.scan(record, matches);
    findings.clear();
    edits.clear();
    // As the pipeline does: the workers' facts, unless told to leave them
    // to the builder.
    std::vector<MatchFacts> facts;
    match_facts(record, matches, options, hash, facts);
    m_builder.build(record, matches, with_facts ? &facts : nullptr,
                    "logs/a.jsonl", findings, edits);
  }
  bool with_facts = true;
  void start_file() { m_builder.start_file(); }

  std::vector<std::string> replacements() const {
    std::vector<std::string> out;
    for (const Finding& f : findings) {
      out.push_back(f.replacement);
    }
    return out;
  }
  std::vector<EditView> edit_views() const {
    std::vector<EditView> out;
    for (const TokenEdit& e : edits) {
      out.push_back(EditView{e.raw_begin, e.raw_end, e.text, e.json});
    }
    return out;
  }
  const RuleSet& rules() const { return m_rules; }

private:
  RuleSet m_rules;
  FindingBuilder m_builder;
};

using Strings = std::vector<std::string>;
using Edits = std::vector<EditView>;

TEST_SUITE("actions::finding_builder") {

  TEST_CASE("a JSON finding: every field, column past escapes") {
    Harness h;
    const std::string line = R"({"id":"r1","messages":[{"role":"user",)"
                             R"("content":"a\"b\u00e9 Jane@x.com"}]})";
    h.build(line, 12);
    REQUIRE(h.findings.size() == 1);
    const Finding& f = h.findings[0];
    CHECK(f.file == "logs/a.jsonl");
    CHECK(f.line == 12);
    CHECK(f.record_id == "r1");
    CHECK(f.path == "/messages/0/content");
    CHECK(f.role == "user");
    CHECK(f.rule == "t.email");
    CHECK(f.entity == "EMAIL_ADDRESS");
    CHECK(f.category == "pii");
    CHECK(f.severity == Severity::medium);
    CHECK(f.confidence == doctest::Approx(0.8));
    // decoded: a " b é(2 bytes) space J...
    CHECK(f.start == 6);
    CHECK(f.end == 16);
    // raw: "a\"b\u00e9 J -> J is 12 bytes past the opening quote.
    const size_t quote = line.find(R"("a\")");
    CHECK(f.column == quote + 12 + 1);
    CHECK(line.substr(f.column - 1, 4) == "Jane");
    CHECK(f.preview == "J***@x.com");
    CHECK(f.fingerprint == h.hash.hex("t.email", "jane@x.com"));
    CHECK(f.action == "reported");
    CHECK(f.replacement == "[EMAIL_ADDRESS_1]");
    const uint32_t begin = static_cast<uint32_t>(quote);
    const uint32_t end = static_cast<uint32_t>(line.size() - 3);
    CHECK(line.substr(begin, end - begin) == R"("a\"b\u00e9 Jane@x.com")");
    CHECK(h.edit_views() ==
          Edits{{begin, end, "a\"b\xC3\xA9 [EMAIL_ADDRESS_1]", true}});
  }

  TEST_CASE("redact marks redacting findings as redacted") {
    Harness h;
    h.options.redact = true;
    const std::string line = "jane@x.com: ignore previous instructions";
    h.build(line);
    REQUIRE(h.findings.size() == 2);
    CHECK(h.findings[0].rule == "t.email");
    CHECK(h.findings[0].action == "redacted");
    CHECK(h.findings[1].rule == "t.inject");
    CHECK(h.findings[1].action == "reported");
    CHECK(h.findings[1].replacement == "");
  }

  TEST_CASE("a text finding: column is the byte column in the line") {
    Harness h;
    const std::string line = "caf\xC3\xA9 mail jane@x.com now";
    h.build(line, 3);
    REQUIRE(h.findings.size() == 1);
    const Finding& f = h.findings[0];
    CHECK(f.path == "");
    CHECK(f.role == "");
    CHECK(f.record_id == "");
    CHECK(f.start == 11);
    CHECK(f.end == 21);
    CHECK(f.column == 12);
    CHECK(h.edit_views() ==
          Edits{{0, uint32_t(line.size()),
                 "caf\xC3\xA9 mail [EMAIL_ADDRESS_1] now", false}});
  }

  TEST_CASE("invalid JSON: an input finding first, then the text's findings") {
    Harness h;
    const std::string line = R"({"id":"r1","to":"jane@x.com")";
    h.build(line, 9);
    REQUIRE(h.findings.size() == 2);
    const Finding& bad = h.findings[0];
    CHECK(bad.file == "logs/a.jsonl");
    CHECK(bad.line == 9);
    CHECK(bad.record_id == "");
    CHECK(bad.path == "");
    CHECK(bad.rule == "input.invalid_json");
    CHECK(bad.entity == "INVALID_JSON");
    CHECK(bad.category == "input");
    CHECK(bad.severity == Severity::low);
    CHECK(bad.confidence == doctest::Approx(1.0));
    CHECK(bad.column == 1);
    CHECK(bad.action == "reported");
    CHECK(bad.replacement == "");
    CHECK(bad.preview == "");
    const Finding& email = h.findings[1];
    CHECK(email.rule == "t.email");
    CHECK(email.path == "");
    CHECK(email.start == 17);
    CHECK(email.column == 18);
    CHECK(h.edit_views() ==
          Edits{{0, uint32_t(line.size()),
                 R"({"id":"r1","to":"[EMAIL_ADDRESS_1]")", false}});
  }

  TEST_CASE("invalid UTF-8: an input finding") {
    Harness h;
    const std::string line = "bad \xFF byte";
    h.build(line, 2);
    REQUIRE(h.findings.size() == 1);
    CHECK(h.findings[0].rule == "input.invalid_utf8");
    CHECK(h.findings[0].entity == "INVALID_UTF8");
    CHECK(h.findings[0].category == "input");
    CHECK(h.findings[0].line == 2);
    CHECK(h.edits.empty());

    const std::string json = "{\"a\":\"\xFF jane@x.com\"}";
    h.build(json);
    REQUIRE(h.findings.size() == 2);
    CHECK(h.findings[0].rule == "input.invalid_utf8");
    CHECK(h.findings[1].rule == "t.email");
    CHECK(h.findings[1].column == 9);
  }

  TEST_CASE("a clean line gives no findings and no edits") {
    Harness h;
    const std::string line = R"({"a":"nothing here"})";
    h.build(line);
    CHECK(h.findings.empty());
    CHECK(h.edits.empty());
  }

  TEST_CASE("labels: same value same label, numbered per entity") {
    Harness h;
    h.options.style = Style::label;
    const std::string line = "a@x.com 4111 1111 1111 1111 b@x.com A@X.COM "
                             "4111-1111-1111-1111 5500000000000004";
    h.build(line);
    CHECK(h.replacements() == Strings{"[EMAIL_ADDRESS_1]", "[CREDIT_CARD_1]",
                                      "[EMAIL_ADDRESS_2]", "[EMAIL_ADDRESS_1]",
                                      "[CREDIT_CARD_1]", "[CREDIT_CARD_2]"});
  }

  TEST_CASE("label scope line: numbering restarts on every line") {
    Harness h;
    h.options.scope = Scope::line;
    const std::string one = "a@x.com b@x.com";
    const std::string two = "b@x.com";
    h.build(one);
    CHECK(h.replacements() ==
          Strings{"[EMAIL_ADDRESS_1]", "[EMAIL_ADDRESS_2]"});
    h.build(two);
    CHECK(h.replacements() == Strings{"[EMAIL_ADDRESS_1]"});
  }

  TEST_CASE(
      "label scope file: numbering runs across lines, restarts per file") {
    Harness h;
    h.options.scope = Scope::file;
    const std::string one = "a@x.com b@x.com";
    const std::string two = "c@x.com b@x.com";
    h.start_file();
    h.build(one);
    h.build(two);
    CHECK(h.replacements() ==
          Strings{"[EMAIL_ADDRESS_3]", "[EMAIL_ADDRESS_2]"});
    h.start_file();
    h.build(two);
    CHECK(h.replacements() ==
          Strings{"[EMAIL_ADDRESS_1]", "[EMAIL_ADDRESS_2]"});
  }

  TEST_CASE("label scope run: numbering runs across files") {
    Harness h;
    h.options.scope = Scope::run;
    const std::string one = "a@x.com";
    const std::string two = "b@x.com a@x.com";
    h.start_file();
    h.build(one);
    h.start_file();
    h.build(two);
    CHECK(h.replacements() ==
          Strings{"[EMAIL_ADDRESS_2]", "[EMAIL_ADDRESS_1]"});
  }

  TEST_CASE("styles: per rule, then overridden by --style") {
    const std::string line =
        "jane@x.com 4111 1111 1111 1111 sk-abcdefghij0123456789";
    Harness h;
    h.build(line);
    // Rule styles: email (default) label, card partial, key mask.
    const std::string key_stars(23, '*');
    CHECK(h.replacements() ==
          Strings{"[EMAIL_ADDRESS_1]", "**** **** **** 1111", key_stars});
    CHECK(h.edit_views() ==
          Edits{{0, uint32_t(line.size()),
                 "[EMAIL_ADDRESS_1] **** **** **** 1111 " + key_stars, false}});

    SUBCASE("mask") {
      h.options.style = Style::mask;
      h.build(line);
      CHECK(h.replacements() ==
            Strings{std::string(10, '*'), std::string(19, '*'), key_stars});
    }
    SUBCASE("partial") {
      h.options.style = Style::partial;
      h.build(line);
      CHECK(h.replacements() == Strings{"****@x.com", "**** **** **** 1111",
                                        "**-" + std::string(16, '*') + "6789"});
    }
    SUBCASE("hash") {
      // Keyed with the hash subkey, not with the fingerprints' key.
      h.options.style = Style::hash;
      h.build(line);
      KeyedHash sub(h.options.keys.subkey(KeyPurpose::hash));
      CHECK(h.replacements() ==
            Strings{
                "[EMAIL_ADDRESS:" +
                    sub.hex("EMAIL_ADDRESS", "jane@x.com").substr(0, 16) + "]",
                "[CREDIT_CARD:" +
                    sub.hex("CREDIT_CARD", "4111111111111111").substr(0, 16) +
                    "]",
                "[OPENAI_API_KEY:" +
                    sub.hex("OPENAI_API_KEY", "sk-abcdefghij0123456789")
                        .substr(0, 16) +
                    "]",
            });
    }
    SUBCASE("encrypt") {
      h.options.style = Style::encrypt;
      h.build(line);
      TokenCipher cipher(h.options.keys.subkey(KeyPurpose::encrypt));
      CHECK(h.replacements() ==
            Strings{cipher.token("EMAIL_ADDRESS", "jane@x.com"),
                    cipher.token("CREDIT_CARD", "4111 1111 1111 1111"),
                    cipher.token("OPENAI_API_KEY", "sk-abcdefghij0123456789")});
      CHECK(cipher.open(h.replacements()[1]) == "4111 1111 1111 1111");
    }
    SUBCASE("remove") {
      h.options.redact = true;
      h.options.style = Style::remove;
      h.build(line);
      CHECK(h.replacements() == Strings{"", "", ""});
      for (const Finding& f : h.findings) {
        CHECK(f.action == "redacted");
      }
      CHECK(h.edit_views() == Edits{{0, uint32_t(line.size()), "  ", false}});
    }
    SUBCASE("none") {
      h.options.redact = true;
      h.options.style = Style::none;
      h.build(line);
      CHECK(h.replacements() == Strings{"", "", ""});
      for (const Finding& f : h.findings) {
        CHECK(f.action == "reported");
      }
      CHECK(h.edits.empty());
    }
  }

  TEST_CASE("the hash style is stable across lines and separators") {
    Harness h;
    h.options.style = Style::hash;
    const std::string one = "4111 1111 1111 1111";
    const std::string two = "x 4111-1111-1111-1111";
    h.build(one);
    const std::string first = h.findings.at(0).replacement;
    h.build(two);
    CHECK(h.findings.at(0).replacement == first);
  }

  TEST_CASE("hash and encrypt without a key: a usage error, no random key") {
    Harness h;
    h.options.keys = KeyMaterial();
    for (Style style : {Style::hash, Style::encrypt}) {
      h.options.style = style;
      CHECK_THROWS_AS(h.build("jane@x.com"), UsageError);
    }
  }

  TEST_CASE("--vault records label, hash and encrypt placeholders") {
    for (Style style : {Style::label, Style::hash, Style::encrypt}) {
      Vault vault;
      Harness h;
      h.options.vault = &vault;
      h.options.style = style;
      h.build("jane@x.com and sk-abcdefghij0123456789, jane@x.com");
      REQUIRE(h.findings.size() == 3);
      CHECK(vault.size() == 2);
      CHECK(*vault.find(h.findings[0].replacement) == "jane@x.com");
      CHECK(*vault.find(h.findings[1].replacement) ==
            "sk-abcdefghij0123456789");
    }
  }

  TEST_CASE("--vault records nothing for mask, partial and remove") {
    Vault vault;
    Harness h;
    h.options.vault = &vault;
    for (Style style : {Style::mask, Style::partial, Style::remove}) {
      h.options.style = style;
      h.build("jane@x.com");
    }
    CHECK(vault.size() == 0);
  }

  TEST_CASE("labels continue the numbering of an existing vault") {
    Vault vault;
    vault.add("[EMAIL_ADDRESS_1]", "ann@x.com");
    vault.add("[EMAIL_ADDRESS_4]", "Jane@x.com");
    Harness h;
    h.options.vault = &vault;
    h.options.scope = Scope::run;
    // The builder reads the vault when it is constructed.
    FindingBuilder builder(h.options, h.hash);
    std::vector<Finding> findings;
    std::vector<TokenEdit> edits;
    Record record;
    std::string line = "jane@x.com bob@x.com ann@x.com";
    record.content = line;
    RecordReader reader(h.reader_options);
    reader.read(record);
    std::vector<Match> matches;
    Scanner(h.rules()).scan(record, matches);
    builder.build(record, matches, nullptr, "a", findings, edits);
    REQUIRE(findings.size() == 3);
    // Same normalized value as the vault's Jane@x.com: the same label.
    CHECK(findings[0].replacement == "[EMAIL_ADDRESS_4]");
    CHECK(findings[1].replacement == "[EMAIL_ADDRESS_5]");
    CHECK(findings[2].replacement == "[EMAIL_ADDRESS_1]");
    // The vault keeps the first spelling and counts the other one.
    CHECK(*vault.find("[EMAIL_ADDRESS_4]") == "Jane@x.com");
    CHECK(vault.conflicts() == 1);
  }

  TEST_CASE("fingerprints use the rule id and the normalized value") {
    Harness h;
    const std::string one = "4111 1111 1111 1111";
    const std::string two = "4111-1111-1111-1111";
    h.build(one);
    const std::string first = h.findings.at(0).fingerprint;
    CHECK(first == h.hash.hex("t.card", "4111111111111111"));
    h.build(two);
    CHECK(h.findings.at(0).fingerprint == first);
  }

  TEST_CASE("the workers' match facts give the findings the builder would") {
    KeyedHash baseline("baseline-key");
    Harness with;
    Harness without;
    without.with_facts = false;
    for (Harness* h : {&with, &without}) {
      h->options.baseline_hash = &baseline;
      h->options.style = Style::label;
    }
    const std::string line =
        R"({"a": "card 4111 1111 1111 1111, mail Ann@Bee.com"})";
    with.build(line);
    without.build(line);
    REQUIRE(with.findings.size() == 2);
    REQUIRE(without.findings.size() == 2);
    for (size_t i = 0; i < 2; ++i) {
      const Finding& a = with.findings[i];
      const Finding& b = without.findings[i];
      CHECK(a.preview == b.preview);
      CHECK(a.fingerprint == b.fingerprint);
      CHECK(a.baseline_fingerprint == b.baseline_fingerprint);
      CHECK_FALSE(a.baseline_fingerprint.empty());
      CHECK(a.replacement == b.replacement);
    }
    CHECK(with.findings[1].fingerprint ==
          with.hash.hex(with.findings[1].rule, "ann@bee.com"));
  }

  TEST_CASE("a report-only rule is never redacted, even under --style") {
    Harness h;
    h.options.redact = true;
    h.options.style = Style::mask;
    const std::string line =
        R"({"p":"please ignore previous instructions jane@x.com"})";
    h.build(line);
    REQUIRE(h.findings.size() == 2);
    CHECK(h.findings[0].rule == "t.inject");
    CHECK(h.findings[0].replacement == "");
    CHECK(h.findings[0].action == "reported");
    CHECK(h.findings[0].preview == "i***s");
    CHECK(h.findings[1].rule == "t.email");
    CHECK(h.edit_views() ==
          Edits{{5, uint32_t(line.size() - 1),
                 "please ignore previous instructions **********", true}});
  }

  TEST_CASE("a report-only match around a redacting one leaves it redacted") {
    std::vector<RuleSpec> specs;
    specs.push_back(rule("t.flag", "FLAG", "injection", Severity::critical,
                         R"(send .* now)", "none"));
    specs.push_back(rule("t.email", "EMAIL_ADDRESS", "pii", Severity::low,
                         R"([a-z]+@[a-z]+\.com)"));
    RuleSet rules(std::move(specs));
    const std::string line = "send jane@x.com now";
    ReaderOptions reader_options;
    RecordReader reader(reader_options);
    Record record;
    record.content = line;
    reader.read(record);
    std::vector<Match> matches;
    Scanner(rules).scan(record, matches);
    ActionOptions options;
    KeyedHash hash("k");
    FindingBuilder builder(options, hash);
    std::vector<Finding> findings;
    std::vector<TokenEdit> edits;
    builder.build(record, matches, nullptr, "f", findings, edits);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].rule == "t.flag");
    CHECK(findings[1].rule == "t.email");
    REQUIRE(edits.size() == 1);
    CHECK(edits[0].text == "send [EMAIL_ADDRESS_1] now");
  }

  TEST_CASE("one edit per changed field, in raw order, with the whole text") {
    Harness h;
    const std::string line =
        R"({"a":"jane@x.com","b":"clean","c":["x b@x.com y c@x.com"],)"
        R"("d":"ignore previous instructions"})";
    h.build(line);
    CHECK(h.replacements() == Strings{"[EMAIL_ADDRESS_1]", "[EMAIL_ADDRESS_2]",
                                      "[EMAIL_ADDRESS_3]", ""});
    const uint32_t a = static_cast<uint32_t>(line.find(R"("jane)"));
    const uint32_t c = static_cast<uint32_t>(line.find(R"("x b@)"));
    CHECK(h.edit_views() ==
          Edits{{a, a + 12, "[EMAIL_ADDRESS_1]", true},
                {c, c + 21, "x [EMAIL_ADDRESS_2] y [EMAIL_ADDRESS_3]", true}});
  }

  TEST_CASE("scanned keys are findings and edits of their own") {
    Harness h;
    h.reader_options.scan_keys = true;
    const std::string line = R"({"jane@x.com":"jane@x.com"})";
    h.build(line);
    REQUIRE(h.findings.size() == 2);
    CHECK(h.findings[0].path == "/jane@x.com");
    CHECK(h.findings[0].column == 3);
    CHECK(h.findings[1].column == 16);
    CHECK(h.replacements() ==
          Strings{"[EMAIL_ADDRESS_1]", "[EMAIL_ADDRESS_1]"});
    CHECK(h.edit_views() == Edits{{1, 13, "[EMAIL_ADDRESS_1]", true},
                                  {14, 26, "[EMAIL_ADDRESS_1]", true}});
  }

} // TEST_SUITE

} // namespace
} // namespace veil
