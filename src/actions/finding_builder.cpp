#include "actions/finding_builder.hpp"

#include "actions/mask.hpp"
#include "actions/raw_offset.hpp"
#include "baseline/allow_marker.hpp"
#include "scanner/compiled_rule.hpp"

#include <utility>

namespace veil {

namespace {

Finding input_finding(const Record& record, const std::string& file,
                      const char* rule, const char* entity) {
  Finding f;
  f.file = file;
  f.line = record.line;
  f.record_id = record.record_id;
  f.rule = rule;
  f.entity = entity;
  f.category = "input";
  f.severity = Severity::low;
  f.confidence = 1.0;
  f.column = 1;
  f.action = "reported";
  return f;
}

MatchFacts facts_of(const Field& field, const Match& m,
                    const ActionOptions& options, const KeyedHash& hash) {
  const RuleSpec& spec = m.rule->spec();
  std::string_view value(field.text.data() + m.start, m.end - m.start);
  MatchFacts facts;
  facts.normalized = normalize_value(spec.entity, value);
  facts.preview = masked_preview(spec.category, spec.entity, value);
  facts.fingerprint = hash.hex(spec.id, facts.normalized);
  if (options.baseline_hash != nullptr) {
    facts.baseline_fingerprint =
        options.baseline_hash->hex(spec.id, facts.normalized);
  }
  return facts;
}

} // namespace

void match_facts(const Record& record, const std::vector<Match>& matches,
                 const ActionOptions& options, const KeyedHash& hash,
                 std::vector<MatchFacts>& out) {
  out.clear();
  for (const Match& m : matches) {
    out.push_back(facts_of(record.fields[m.field], m, options, hash));
  }
}

FindingBuilder::FindingBuilder(const ActionOptions& options,
                               const KeyedHash& hash)
    : m_options(options), m_hash(hash) {
  if (options.vault == nullptr) {
    return;
  }
  for (const auto& [placeholder, original] : options.vault->entries()) {
    if (auto label = parse_label(placeholder)) {
      m_labeler.seed(label->entity, normalize_value(label->entity, original),
                     label->number);
    }
  }
}

void FindingBuilder::start_file() {
  if (m_options.scope != Scope::run) {
    m_labeler.reset();
    for (auto& [name, state] : m_segments) {
      state.labeler.reset();
    }
  }
}

void FindingBuilder::select_segment(const Record& record) {
  if (m_options.policy == nullptr || m_options.policy->segment_by.empty() ||
      record.segment == m_segment) {
    return;
  }
  SegmentState& old = m_segments[m_segment];
  old.labeler = std::move(m_labeler);
  old.style_hash = std::exchange(m_style_hash, std::nullopt);
  old.cipher = std::exchange(m_cipher, std::nullopt);
  m_segment = record.segment;
  SegmentState& now = m_segments[m_segment];
  m_labeler = std::move(now.labeler);
  m_style_hash = std::exchange(now.style_hash, std::nullopt);
  m_cipher = std::exchange(now.cipher, std::nullopt);
}

Style FindingBuilder::style_for(const Match& m, const Field& field) const {
  if (m.rule->reports_only()) {
    return Style::none;
  }
  if (m_options.style) {
    return *m_options.style;
  }
  if (m_options.policy != nullptr) {
    const RuleSpec& spec = m.rule->spec();
    if (auto style = m_options.policy->style_for(
            spec.id, spec.entity, spec.category, field.direction, field.role)) {
      return *style;
    }
  }
  return parse_style(m.rule->spec().style).value_or(Style::label);
}

std::string FindingBuilder::replacement(Style style, const std::string& entity,
                                        std::string_view value,
                                        const std::string& normalized) {
  switch (style) {
  case Style::label:
    return m_labeler.label(entity, normalized);
  case Style::mask:
    return mask_all(value);
  case Style::partial:
    return mask_partial(entity, value);
  case Style::hash:
    return hash_token(entity, normalized);
  case Style::encrypt:
    return encrypt_token(entity, value);
  case Style::remove:
  case Style::none:
    break;
  }
  return "";
}

std::string FindingBuilder::hash_token(const std::string& entity,
                                       const std::string& normalized) {
  if (!m_style_hash) {
    m_style_hash.emplace(m_options.keys.subkey(KeyPurpose::hash, m_segment));
  }
  return "[" + entity + ":" +
         m_style_hash->hex(entity, normalized).substr(0, 16) + "]";
}

// The exact value, not its normalized form, so that decrypting gives back
// what was written.
std::string FindingBuilder::encrypt_token(const std::string& entity,
                                          std::string_view value) {
  if (!m_cipher) {
    m_cipher.emplace(m_options.keys.subkey(KeyPurpose::encrypt, m_segment));
  }
  return m_cipher->token(entity, value);
}

void FindingBuilder::record_in_vault(Style style,
                                     const std::string& placeholder,
                                     std::string_view value) {
  bool unique =
      style == Style::label || style == Style::hash || style == Style::encrypt;
  if (m_options.vault != nullptr && unique) {
    m_options.vault->add(placeholder, value);
  }
}

void FindingBuilder::add_input_findings(const Record& record,
                                        const std::string& file,
                                        std::vector<Finding>& findings) const {
  if (record.kind == RecordKind::invalid_json) {
    findings.push_back(
        input_finding(record, file, "input.invalid_json", "INVALID_JSON"));
  }
  if (record.invalid_utf8) {
    findings.push_back(
        input_finding(record, file, "input.invalid_utf8", "INVALID_UTF8"));
  }
}

void FindingBuilder::build(const Record& record,
                           const std::vector<Match>& matches,
                           const std::vector<MatchFacts>* facts,
                           const std::string& file,
                           std::vector<Finding>& findings,
                           std::vector<TokenEdit>& edits) {
  select_segment(record);
  if (m_options.scope == Scope::line &&
      (!record.piece || record.piece->first)) {
    m_labeler.reset();
  }
  add_input_findings(record, file, findings);
  // A piece of a line: its columns count from the line's start.
  const uint64_t line_offset = record.piece ? record.piece->offset : 0;
  size_t i = 0;
  while (i < matches.size()) {
    uint32_t index = matches[i].field;
    const Field& field = record.fields[index];
    std::string text;
    size_t copied = 0;
    const bool has_marker =
        m_options.allow_markers && has_allow_marker(field.text);
    // The matches come in order of start.
    RawColumns columns(record, field);
    AllowMarkerLines marker_lines;
    for (; i < matches.size() && matches[i].field == index; ++i) {
      const Match& m = matches[i];
      const RuleSpec& spec = m.rule->spec();
      std::string_view value(field.text.data() + m.start, m.end - m.start);
      MatchFacts own;
      const MatchFacts& known =
          facts != nullptr ? (*facts)[i]
                           : (own = facts_of(field, m, m_options, m_hash));
      Style style = style_for(m, field);
      Finding f;
      f.file = file;
      f.line = record.line;
      f.record_id = record.record_id;
      f.path = field.pointer;
      f.role = field.role;
      f.rule = spec.id;
      f.entity = spec.entity;
      f.category = spec.category;
      f.severity = m.severity;
      f.confidence = m.confidence;
      f.start = field.decoded_from + m.start;
      f.end = field.decoded_from + m.end;
      f.column = line_offset + columns.column(m.start);
      f.preview = known.preview;
      f.fingerprint = known.fingerprint;
      f.baseline_fingerprint = known.baseline_fingerprint;
      f.allow_marker =
          has_marker && marker_lines.on_line_of(field.text, m.start);
      f.replacement = replacement(style, spec.entity, value, known.normalized);
      for (const CompiledRule* signal : m.signals) {
        f.signals.push_back(signal->spec().id);
      }
      record_in_vault(style, f.replacement, value);
      bool redacts = style != Style::none;
      f.action = redacts && m_options.redact ? "redacted" : "reported";
      if (redacts) {
        text.append(field.text, copied, m.start - copied);
        text += f.replacement;
        copied = m.end;
      }
      findings.push_back(std::move(f));
    }
    if (copied > 0) {
      text.append(field.text, copied);
      edits.push_back(TokenEdit{field.raw_begin, field.raw_end, std::move(text),
                                field.is_json});
    }
  }
}

std::string FindingBuilder::replace(Style style, const std::string& entity,
                                    std::string_view value) {
  std::string out =
      replacement(style, entity, value, normalize_value(entity, value));
  record_in_vault(style, out, value);
  return out;
}

} // namespace veil
