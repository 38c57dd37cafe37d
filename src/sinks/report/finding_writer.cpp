#include "sinks/report/finding_writer.hpp"

#include "sinks/report/json_fields.hpp"

#include <charconv>
#include <string_view>

namespace veil {

namespace {

// A string nlohmann writes as it is: printable ASCII without quote or
// backslash. Others (escapes, UTF-8, bytes it replaces) are dumped by
// nlohmann itself, so that the text stays exactly its.
bool plain(std::string_view s) {
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
      return false;
    }
  }
  return true;
}

void append_string(std::string_view s, std::string& out) {
  if (plain(s)) {
    out += '"';
    out += s;
    out += '"';
  } else {
    out += dump_json(nlohmann::ordered_json(std::string(s)), -1);
  }
}

void append_number(uint64_t value, std::string& out) {
  char digits[24];
  auto result = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, result.ptr);
}

// The members of one object, as dump(indent) lays them out.
class ObjectWriter {
public:
  ObjectWriter(int indent, size_t by, std::string& out)
      : m_indent(indent), m_by(by), m_out(out) {}

  // name: a member name of the report's schema, plain ASCII.
  std::string& key(std::string_view name) {
    m_out += m_empty ? '{' : ',';
    m_empty = false;
    new_line(1);
    m_out += '"';
    m_out += name;
    m_out += '"';
    m_out += m_indent >= 0 ? ": " : ":";
    return m_out;
  }
  void string(std::string_view name, std::string_view value) {
    append_string(value, key(name));
  }
  void number(std::string_view name, uint64_t value) {
    append_number(value, key(name));
  }
  // Strings, "[]" when none.
  void array(std::string_view name, const std::vector<std::string>& values) {
    std::string& out = key(name);
    if (values.empty()) {
      out += "[]";
      return;
    }
    for (size_t i = 0; i < values.size(); ++i) {
      out += i == 0 ? '[' : ',';
      new_line(2);
      append_string(values[i], out);
    }
    new_line(1);
    out += ']';
  }
  void end() {
    if (m_empty) {
      m_out += "{}";
      return;
    }
    new_line(0);
    m_out += '}';
  }

private:
  // A line break and the indent of `depth` levels, when not compact.
  void new_line(int depth) {
    if (m_indent >= 0) {
      m_out += '\n';
      m_out.append(m_by + size_t(m_indent * depth), ' ');
    }
  }

  int m_indent;
  size_t m_by;
  std::string& m_out;
  bool m_empty = true;
};

// nlohmann's own spelling of a double ("0.95", "1.0"), kept for the last
// value: a rule's confidence rarely changes from finding to finding, and
// spelling it took a json value and a string each time.
const std::string& confidence_json(double confidence) {
  thread_local double last = -1;
  thread_local std::string text;
  const double rounded = round_confidence(confidence);
  if (rounded != last) {
    last = rounded;
    text = dump_json(nlohmann::ordered_json(rounded), -1);
  }
  return text;
}

} // namespace

void append_finding_json(const Finding& f, int indent, size_t by,
                         std::string& out) {
  ObjectWriter o(indent, indent >= 0 ? by : 0, out);
  o.string("file", f.file);
  o.number("line", f.line);
  if (!f.record_id.empty()) {
    o.string("record_id", f.record_id);
  }
  o.string("path", f.path);
  if (!f.role.empty()) {
    o.string("role", f.role);
  }
  o.string("rule", f.rule);
  o.string("entity", f.entity);
  o.string("category", f.category);
  o.string("severity", to_string(f.severity));
  o.key("confidence") += confidence_json(f.confidence);
  o.number("start", f.start);
  o.number("end", f.end);
  o.number("column", f.column);
  o.string("preview", f.preview);
  o.string("fingerprint", f.fingerprint);
  o.string("action", f.action);
  if (!f.replacement.empty()) {
    o.string("replacement", f.replacement);
  }
  if (!f.signals.empty()) {
    o.array("signals", f.signals);
  }
  o.end();
}

} // namespace veil
