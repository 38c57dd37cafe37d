#include "bench_data.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <random>

namespace veil::bench {

namespace {

constexpr size_t k_texts = 400;
constexpr uint64_t k_seed = 7;

class Rng {
public:
  explicit Rng(uint64_t seed) : m_engine(seed) {}
  size_t below(size_t n) { return size_t(m_engine() % n); }
  template <typename T, size_t N>
  const T& pick(const std::array<T, N>& a) {
    return a[below(N)];
  }
  std::string chars(std::string_view alphabet, size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) {
      out += alphabet[below(alphabet.size())];
    }
    return out;
  }
  std::string digits(size_t n) { return chars("0123456789", n); }
  // A JSON number of n digits: no leading zero.
  std::string number(size_t n) {
    return chars("123456789", 1) + chars("0123456789", n - 1);
  }
  std::string hex(size_t n) { return chars("0123456789abcdef", n); }

private:
  std::mt19937_64 m_engine;
};

constexpr std::string_view k_alnum =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

constexpr std::array<std::string_view, 28> k_sentences = {
    "Thanks, that worked!",
    "Can you explain why the second loop is slower than the first one?",
    "I tried restarting the service but the error comes back after a few "
    "minutes.",
    "Sure, here is a shorter version of the paragraph you sent.",
    "The main difference is that a process has its own address space while "
    "threads share one.",
    "Could you rewrite this email so it sounds a bit more formal?",
    "My flight lands at 6:40 pm on Friday, is that enough time to reach the "
    "hotel before check-in closes?",
    "Let me know if you want me to adapt the query to your exact schema.",
    "We shipped version 2.14.3 last week and the dashboard has been slow "
    "since then.",
    "Summarize the meeting notes in three bullet points, please.",
    "The order total was $124.50 for 3 items, but I was charged twice.",
    "In short: keep a pointer to the previous node and flip each link as you "
    "walk the list.",
    "What is the best way to learn Rust if I already know C++ and Python?",
    "Here is a step-by-step plan for the migration, with a rollback at each "
    "stage.",
    "Our team of 12 people meets every Tuesday at 10:00 in room 4B.",
    "If the container exits immediately, its main process probably forks "
    "into the background.",
    "I think the bug is in the retry logic: it never resets the backoff.",
    "Please translate \"see you tomorrow\" into Spanish and Italian.",
    "The report covers Q3 2023 and compares it with the same quarter of "
    "2022.",
    "Great question! The short answer is that it depends on the workload.",
    "Use an index on the columns in the WHERE clause and check the plan with "
    "EXPLAIN.",
    "Day 1: the old town and the castle. Day 2: the museum district. Day 3: "
    "a day trip by train.",
    "Ignore the warning for now; it only appears on the first run.",
    "The test suite takes about 14 minutes on CI and 3 minutes locally.",
    "Can you give me a vegetarian lasagne recipe for 6 people?",
    "That's right, the cache is invalidated whenever the config changes.",
    "I'm not sure I understand the difference between the two options.",
    "The invoice number is INV-2024-0117 and the due date is March 31.",
};

constexpr std::array<std::string_view, 10> k_names = {
    "parse_config", "load_user",   "retry_request", "build_index",
    "flush_queue",  "render_page", "open_session",  "merge_reports",
    "fetch_orders", "resolve_path"};

constexpr std::array<std::string_view, 6> k_paths = {
    "/v1/orders", "/v1/users",    "/api/search",
    "/health",    "/v2/sessions", "/internal/metrics"};

std::string code_snippet(Rng& rng) {
  std::string name(rng.pick(k_names));
  switch (rng.below(4)) {
  case 0:
    return "```python\ndef " + name +
           "(path, retries=3):\n    for attempt in range(retries):\n"
           "        try:\n            with open(path, encoding=\"utf-8\") as "
           "f:\n                return json.load(f)\n        except "
           "OSError as exc:\n            log.warning(\"attempt %d: %s\", "
           "attempt, exc)\n    raise RuntimeError(\"giving up\")\n```";
  case 1:
    return "```cpp\nstd::vector<int> " + name +
           "(const std::vector<int>& in) {\n  std::vector<int> out;\n"
           "  out.reserve(in.size());\n  for (int x : in) {\n    if (x % 2 "
           "== 0) out.push_back(x * " +
           rng.digits(2) + ");\n  }\n  return out;\n}\n```";
  case 2:
    return "```sql\nSELECT c.name, SUM(o.total) AS revenue\nFROM customers "
           "c\nJOIN orders o ON o.customer_id = c.id\nWHERE o.created_at >= "
           "'2023-0" +
           rng.digits(1) + "-1" + rng.digits(1) +
           "'\nGROUP BY c.name\nORDER BY revenue DESC\nLIMIT " + rng.digits(2) +
           ";\n```";
  default:
    return "```js\nexport async function " + name +
           "(id) {\n  const res = await fetch(`/api/items/${id}`);\n  if "
           "(!res.ok) throw new Error(`status ${res.status}`);\n  return "
           "res.json();\n}\n```";
  }
}

std::string uuid(Rng& rng) {
  return rng.hex(8) + "-" + rng.hex(4) + "-4" + rng.hex(3) + "-a" + rng.hex(3) +
         "-" + rng.hex(12);
}

std::string timestamp(Rng& rng) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "2024-%02zu-%02zuT%02zu:%02zu:%02zu.%03zuZ",
                1 + rng.below(12), 1 + rng.below(28), rng.below(24),
                rng.below(60), rng.below(60), rng.below(1000));
  return buf;
}

std::string log_text(Rng& rng) {
  std::string out;
  size_t lines = 1 + rng.below(5);
  for (size_t i = 0; i < lines; ++i) {
    if (i > 0) {
      out += '\n';
    }
    switch (rng.below(3)) {
    case 0:
      out += timestamp(rng) + " INFO  api.request method=GET path=" +
             std::string(rng.pick(k_paths)) + "/" + rng.digits(5) +
             " status=200 duration_ms=" + rng.digits(2) +
             " request_id=" + uuid(rng);
      break;
    case 1:
      out += "{\"level\":\"warn\",\"ts\":17" + rng.digits(8) + "." +
             rng.digits(3) + ",\"caller\":\"server/handler.go:1" +
             rng.digits(2) +
             "\",\"msg\":\"retrying upstream\",\"attempt\":" + rng.digits(1) +
             ",\"upstream\":\"10.0." + rng.digits(1) + "." + rng.number(2) +
             ":8443\",\"commit\":\"" + rng.hex(40) + "\"}";
      break;
    default:
      out += "Traceback (most recent call last):\n  File "
             "\"/srv/app/worker.py\", line " +
             rng.digits(3) +
             ", in run\n    result = " + std::string(rng.pick(k_names)) +
             "(payload)\nKeyError: 'customer_id'";
      break;
    }
  }
  return out;
}

std::string prose(Rng& rng) {
  std::string out;
  size_t sentences = 1 + rng.below(6);
  for (size_t i = 0; i < sentences; ++i) {
    if (i > 0) {
      out += ' ';
    }
    out += rng.pick(k_sentences);
  }
  return out;
}

// An email, a phone number or an API-key-like token in a sentence. Made up
// here, from the seed: none is a real value.
std::string planted(Rng& rng, size_t n) {
  constexpr std::array<std::string_view, 5> first = {"maria", "john", "aisha",
                                                     "lucas", "yuki"};
  constexpr std::array<std::string_view, 5> last = {"keller", "patel", "wei",
                                                    "dubois", "tanaka"};
  switch (n % 5) {
  case 0:
    return "You can reach me at " + std::string(rng.pick(first)) + "." +
           std::string(rng.pick(last)) +
           "@acme-corp.io if the ticket is still open tomorrow.";
  case 1:
    return "Please call me back on +1 415 2" + rng.digits(2) + " " +
           rng.digits(4) + " before 5 pm, my extension is " + rng.digits(3) +
           ".";
  case 2:
    return "The CI job fails with 401, this is the token I set: ghp_" +
           rng.chars(k_alnum, 36) + " in the repository secrets.";
  case 3:
    return "My config has OPENAI_API_KEY=sk-proj-" + rng.chars(k_alnum, 48) +
           " and it still says the key is invalid.";
  default:
    return "aws_access_key_id = AKIA" +
           rng.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16) +
           "\nregion = eu-west-1";
  }
}

void append_escaped(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
        out += buf;
      } else {
        out += c;
      }
    }
  }
  out += '"';
}

std::string jsonl_line(Rng& rng, size_t n, std::string_view user,
                       std::string_view answer) {
  std::string line;
  switch (n % 4) {
  case 0:
  case 1:
    line = "{\"id\":\"chatcmpl-" + rng.chars(k_alnum, 24) +
           "\",\"model\":\"gpt-4o-mini\",\"created\":17" + rng.digits(8) +
           ",\"messages\":[{\"role\":\"system\",\"content\":\"You are a "
           "helpful assistant.\"},{\"role\":\"user\",\"content\":";
    append_escaped(line, user);
    line += "},{\"role\":\"assistant\",\"content\":";
    append_escaped(line, answer);
    line += "}],\"usage\":{\"prompt_tokens\":" + rng.number(3) +
            ",\"completion_tokens\":" + rng.number(3) + "}}";
    break;
  case 2:
    line = "{\"id\":\"msg_" + rng.chars(k_alnum, 24) +
           "\",\"model\":\"claude-3-5-sonnet-20241022\",\"messages\":[{"
           "\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":";
    append_escaped(line, user);
    line += "}]}],\"response\":{\"role\":\"assistant\",\"content\":[{"
            "\"type\":\"text\",\"text\":";
    append_escaped(line, answer);
    line += "}],\"stop_reason\":\"end_turn\"}}";
    break;
  default:
    line = "{\"trace_id\":\"" + uuid(rng) + "\",\"input\":{\"prompt\":";
    append_escaped(line, user);
    line += "},\"output\":{\"text\":";
    append_escaped(line, answer);
    line += "},\"metadata\":{\"latency_ms\":" + rng.number(3) +
            ",\"tags\":[\"prod\",\"eu-west-1\"],\"ok\":true}}";
    break;
  }
  return line;
}

void build(BenchData& d) {
  Rng rng(k_seed);
  for (size_t i = 0; i < k_texts; ++i) {
    std::string text;
    if (i % 50 == 17) { // 2 %
      text = prose(rng) + " " + planted(rng, d.planted++);
    } else {
      size_t kind = rng.below(100);
      if (kind < 55) {
        text = prose(rng);
      } else if (kind < 75) {
        text = prose(rng) + "\n\n" + code_snippet(rng);
      } else {
        text = log_text(rng);
      }
    }
    d.text_bytes += text.size();
    d.texts.push_back(std::move(text));
  }
  std::vector<size_t> ends;
  for (size_t i = 0; i + 1 < d.texts.size(); i += 2) {
    d.jsonl += jsonl_line(rng, i / 2, d.texts[i], d.texts[i + 1]);
    ends.push_back(d.jsonl.size());
    d.jsonl += '\n';
  }
  size_t begin = 0;
  for (size_t end : ends) {
    d.lines.emplace_back(d.jsonl.data() + begin, end - begin);
    begin = end + 1;
  }
}

} // namespace

const BenchData& bench_data() {
  // Built in place: lines point into jsonl.
  static const BenchData* data = [] {
    auto* d = new BenchData;
    build(*d);
    return d;
  }();
  return *data;
}

} // namespace veil::bench
