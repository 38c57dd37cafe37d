#include "scanner/output_checks.hpp"

#include "scanner/output_json.hpp"

#include <algorithm>
#include <utility>

namespace veil {

namespace {

RuleSpec check_spec(const char* id, const char* entity, Severity severity,
                    double confidence, const char* description) {
  RuleSpec spec;
  spec.id = id;
  spec.entity = entity;
  spec.category = "output";
  spec.severity = severity;
  // Never run as a regex (the check finds the spans); one that cannot match
  // keeps CompiledRule's invariants.
  spec.regex = R"([^\x00-\x{10FFFF}])";
  spec.direction = "output";
  spec.style = "none";
  spec.confidence = confidence;
  spec.description = description;
  spec.pack = "output_checks";
  return spec;
}

bool named(const std::vector<std::string>& names, const RuleSpec& spec) {
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) {
    return n == spec.id || n == spec.entity || n == spec.category;
  });
}

bool selected(const OutputCheckOptions& options, const RuleSpec& spec) {
  return (options.only.empty() || named(options.only, spec)) &&
         !named(options.disable, spec);
}

bool turned_on(const OutputCheckOptions& options, const RuleSpec& spec) {
  if (spec.id == "output.canary") {
    return !options.canaries.empty();
  }
  if (spec.id == "output.system_prompt_leak") {
    return options.leak_ngram > 0;
  }
  return options.expect_json;
}

// Canary findings are for text that leaves the model, or a plain text line
// (a log of answers); never the system prompt that holds them, nor a JSON
// string of a shape veil does not know (it may be that system prompt).
bool may_leak(const Record& record, const Field& field) {
  return field.direction == Direction::output ||
         (field.direction == Direction::unknown &&
          record.kind != RecordKind::json);
}

} // namespace

std::vector<RuleSpec> output_check_specs() {
  return {
      check_spec("output.canary", "CANARY_TOKEN", Severity::high, 1.0,
                 "A --canary token in model output: the system prompt "
                 "that holds it leaked"),
      check_spec("output.system_prompt_leak", "SYSTEM_PROMPT", Severity::high,
                 0.9,
                 "The answer repeats at least --leak-ngram words of the "
                 "record's system prompt verbatim"),
      check_spec("output.invalid_json", "INVALID_JSON_OUTPUT", Severity::medium,
                 1.0,
                 "--expect-json: an assistant answer that does not parse "
                 "as JSON"),
  };
}

std::vector<RuleSpec>
active_output_check_specs(const OutputCheckOptions& options) {
  std::vector<RuleSpec> active;
  for (RuleSpec& spec : output_check_specs()) {
    if (turned_on(options, spec) && selected(options, spec)) {
      active.push_back(std::move(spec));
    }
  }
  return active;
}

OutputChecks::OutputChecks(const OutputCheckOptions& options,
                           size_t first_index)
    : m_canaries(options.canaries), m_leak_ngram(options.leak_ngram) {
  size_t index = first_index;
  for (RuleSpec& spec : active_output_check_specs(options)) {
    std::string id = spec.id;
    auto rule = std::make_unique<CompiledRule>(std::move(spec), index++);
    if (id == "output.canary") {
      m_canary = std::move(rule);
    } else if (id == "output.system_prompt_leak") {
      m_leak = std::move(rule);
    } else {
      m_json = std::move(rule);
    }
  }
}

void OutputChecks::add(const CompiledRule& rule, uint32_t field, Span span,
                       std::vector<Match>& out) const {
  Match m;
  m.rule = &rule;
  m.field = field;
  m.start = span.start;
  m.end = span.end;
  m.confidence = rule.spec().confidence;
  m.severity = rule.spec().severity;
  out.push_back(std::move(m));
}

const LeakIndex& OutputChecks::leak_index(const Record& record) {
  m_record_sources.clear();
  for (const Field& field : record.fields) {
    if (field.direction == Direction::system && !field.is_key) {
      m_record_sources.push_back(field.text);
    }
  }
  auto same = [&](const LeakEntry& entry) {
    return std::equal(m_record_sources.begin(), m_record_sources.end(),
                      entry.sources.begin(), entry.sources.end());
  };
  auto make = [&](LeakEntry& entry) {
    entry.sources.assign(m_record_sources.begin(), m_record_sources.end());
    entry.index = LeakIndex(m_leak_ngram);
    for (const std::string& source : entry.sources) {
      entry.index.add_source(source);
    }
  };
  return m_leak_entries.find(same, make).index;
}

void OutputChecks::check_leaks(const Record& record, std::vector<Match>& out) {
  bool has_answer = std::any_of(
      record.fields.begin(), record.fields.end(),
      [](const Field& f) { return f.direction == Direction::output; });
  if (!has_answer) {
    return;
  }
  const LeakIndex& index = leak_index(record);
  if (index.empty()) {
    return;
  }
  std::vector<Span> spans;
  for (uint32_t f = 0; f < record.fields.size(); ++f) {
    const Field& field = record.fields[f];
    if (field.direction != Direction::output || field.is_key) {
      continue;
    }
    spans.clear();
    index.find(field.text, spans, m_leak_scratch);
    for (Span span : spans) {
      add(*m_leak, f, span, out);
    }
  }
}

void OutputChecks::run(const Record& record, std::vector<Match>& out) {
  if (empty()) {
    return;
  }
  size_t before = out.size();
  std::vector<Span> spans;
  for (uint32_t f = 0; m_canary && f < record.fields.size(); ++f) {
    const Field& field = record.fields[f];
    if (may_leak(record, field) && !field.is_key) {
      spans.clear();
      m_canaries.find(field.text, spans);
      for (Span span : spans) {
        add(*m_canary, f, span, out);
      }
    }
  }
  if (m_leak) {
    check_leaks(record, out);
  }
  for (uint32_t f = 0; m_json && f < record.fields.size(); ++f) {
    const Field& field = record.fields[f];
    if (is_answer_field(field) && !parses_as_json(field.text)) {
      uint32_t size = static_cast<uint32_t>(field.text.size());
      add(*m_json, f, Span{0, size}, out);
    }
  }
  if (out.size() > before) {
    std::stable_sort(
        out.begin(), out.end(), [](const Match& a, const Match& b) {
          return a.field != b.field ? a.field < b.field : a.start < b.start;
        });
  }
}

} // namespace veil
