#include "sinks/report/report_reader.hpp"

#include "core/errors.hpp"
#include "source/sys_error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace veil {

namespace {

using Json = nlohmann::json;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw InputError(where + ": " + what);
}

// The checks of one JSON object, naming the object in errors ("finding 3").
class Object {
public:
  Object(const Json& j, std::string where, std::string what)
      : m_j(j), m_where(std::move(where)), m_what(std::move(what)) {
    if (!j.is_object()) {
      bad(m_what + " is not an object");
    }
  }

  const Json& member(const char* key) const {
    const auto it = m_j.find(key);
    if (it == m_j.end()) {
      bad(m_what + " has no \"" + key + "\"");
    }
    return *it;
  }
  std::string text(const char* key) const {
    const Json& v = member(key);
    if (!v.is_string()) {
      bad(m_what + ": \"" + key + "\" is not a string");
    }
    return v.get<std::string>();
  }
  std::string optional_text(const char* key) const {
    return m_j.contains(key) ? text(key) : std::string();
  }
  uint64_t count(const char* key) const {
    const Json& v = member(key);
    if (!v.is_number_unsigned()) {
      bad(m_what + ": \"" + key + "\" is not a count");
    }
    return v.get<uint64_t>();
  }
  double number(const char* key) const {
    const Json& v = member(key);
    if (!v.is_number()) {
      bad(m_what + ": \"" + key + "\" is not a number");
    }
    return v.get<double>();
  }
  [[noreturn]] void bad(const std::string& what) const {
    fail(m_where, "not a veil json report: " + what);
  }

private:
  const Json& m_j;
  std::string m_where;
  std::string m_what;
};

Finding parse_finding(const Json& j, const std::string& where, size_t index) {
  const Object o(j, where, "finding " + std::to_string(index + 1));
  Finding f;
  f.file = o.text("file");
  f.line = o.count("line");
  f.record_id = o.optional_text("record_id");
  f.path = o.text("path");
  f.role = o.optional_text("role");
  f.rule = o.text("rule");
  f.entity = o.text("entity");
  f.category = o.text("category");
  const auto severity = parse_severity(o.text("severity"));
  if (!severity) {
    o.bad("finding " + std::to_string(index + 1) + ": unknown severity");
  }
  f.severity = *severity;
  f.confidence = o.number("confidence");
  f.start = o.count("start");
  f.end = o.count("end");
  f.column = o.count("column");
  f.preview = o.text("preview");
  f.fingerprint = o.text("fingerprint");
  f.action = o.text("action");
  f.replacement = o.optional_text("replacement");
  return f;
}

Summary parse_summary(const Json& j, const std::string& where) {
  const Object o(j, where, "\"summary\"");
  Summary s;
  s.files = o.count("files");
  s.records = o.count("records");
  s.bytes = o.count("bytes");
  s.findings = o.count("findings");
  s.redacted = o.count("redacted");
  s.errors = o.count("errors");
  s.elapsed_seconds = o.number("elapsed_seconds");
  return s;
}

void parse_tool(const Json& j, const std::string& where, ShardReport& out) {
  const Object tool(j, where, "\"tool\"");
  if (tool.text("name") != "veil") {
    tool.bad("\"tool\" is not veil");
  }
  out.version = tool.text("version");
  const Json& packs = tool.member("packs");
  if (!packs.is_array()) {
    tool.bad("\"packs\" is not an array");
  }
  for (const Json& p : packs) {
    const Object pack(p, where, "a pack");
    out.packs.push_back(
        PackInfo{pack.text("name"), pack.text("version"), pack.count("rules")});
  }
}

// nlohmann's message after its own "at line L, column C: ", whose numbers
// count from the document's start, not the file's.
std::string parse_error_text(const std::string& what) {
  const size_t column = what.find("column ");
  const size_t colon =
      column == std::string::npos ? column : what.find(": ", column);
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

std::string read_all(const std::string& path) {
  const bool is_stdin = path == "-";
  const int fd = is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY);
  if (fd < 0) {
    fail(path, errno_text(errno));
  }
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      const int err = errno;
      if (!is_stdin) {
        ::close(fd);
      }
      if (n < 0) {
        fail(path, errno_text(err));
      }
      return text;
    }
    text.append(buffer, static_cast<size_t>(n));
  }
}

} // namespace

std::vector<JsonDocument> split_json_documents(std::string_view text,
                                               const std::string& name) {
  std::vector<JsonDocument> docs;
  uint64_t line = 1;
  size_t i = 0;
  while (i < text.size()) {
    if (is_space(text[i])) {
      line += text[i++] == '\n' ? 1 : 0;
      continue;
    }
    if (text[i] != '{') {
      fail(name + ":" + std::to_string(line),
           "expected a json report (an object starting with {)");
    }
    const size_t begin = i;
    const uint64_t first_line = line;
    size_t depth = 0;
    bool in_string = false;
    // Braces inside strings don't count; a backslash escapes what follows.
    for (; i < text.size(); ++i) {
      const char c = text[i];
      line += c == '\n' ? 1 : 0;
      if (in_string) {
        if (c == '\\') {
          ++i;
        } else if (c == '"') {
          in_string = false;
        }
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        break;
      }
    }
    if (i >= text.size()) {
      fail(name + ":" + std::to_string(first_line),
           "the report ends before its closing }");
    }
    ++i;
    docs.push_back(JsonDocument{text.substr(begin, i - begin), first_line});
  }
  return docs;
}

ShardReport parse_shard_report(const JsonDocument& doc,
                               const std::string& name) {
  ShardReport out;
  out.where = name + ":" + std::to_string(doc.line);
  Json j;
  try {
    j = Json::parse(doc.text);
  } catch (const Json::parse_error& e) {
    const std::string_view before = doc.text.substr(
        0, std::min<size_t>(e.byte > 0 ? e.byte - 1 : 0, doc.text.size()));
    const auto newlines = std::count(before.begin(), before.end(), '\n');
    fail(name + ":" + std::to_string(doc.line + newlines),
         "invalid JSON: " + parse_error_text(e.what()));
  } catch (const Json::exception&) { // a number out of range
    fail(out.where, "invalid JSON: a number out of range");
  }
  const Object top(j, out.where, "the document");
  parse_tool(top.member("tool"), out.where, out);
  const Json& findings = top.member("findings");
  if (!findings.is_array()) {
    top.bad("\"findings\" is not an array");
  }
  out.findings.reserve(findings.size());
  for (const Json& f : findings) {
    out.findings.push_back(parse_finding(f, out.where, out.findings.size()));
  }
  out.summary = parse_summary(top.member("summary"), out.where);
  if (out.summary.findings != out.findings.size()) {
    top.bad("the summary counts " + std::to_string(out.summary.findings) +
            " findings, the list holds " + std::to_string(out.findings.size()));
  }
  return out;
}

std::vector<ShardReport> read_shard_reports(const std::string& path) {
  const std::string text = read_all(path);
  const std::string name = path == "-" ? "<stdin>" : path;
  std::vector<ShardReport> reports;
  for (const JsonDocument& doc : split_json_documents(text, name)) {
    reports.push_back(parse_shard_report(doc, name));
  }
  if (reports.empty()) {
    fail(name, "no json report in it (expected veil scan --format json "
               "output)");
  }
  return reports;
}

} // namespace veil
