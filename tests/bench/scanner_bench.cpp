// veil_bench: the scanner's stages one at a time, with the full built-in rule
// set, on the texts and JSONL lines of bench_data.hpp. Every benchmark
// reports bytes processed (text bytes, or JSONL bytes for the line
// benchmarks), so the output shows MB/s; counters give the average work
// per text (rules selected, encoded spans, findings).
//
// VEIL_VECTORSCAN is cleared at start: every benchmark but
// CandidateFilter/vectorscan takes the keyword path, as veil does by
// default. See CMakeLists.txt here for how to build and run it.
#include "bench_data.hpp"
#include "core/record.hpp"
#include "reader/reader_options.hpp"
#include "reader/record_reader.hpp"
#include "rules/catalog.hpp"
#include "scanner/anchor_windows.hpp"
#include "scanner/barrier_segments.hpp"
#include "scanner/decoders.hpp"
#include "scanner/keyword_prefilter.hpp"
#include "scanner/rule_set.hpp"
#include "scanner/scanner.hpp"
#include "simdjson_walk.hpp"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cstdlib>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace {

using veil::bench::bench_data;

const std::vector<veil::RuleSpec>& builtin_specs() {
  static const std::vector<veil::RuleSpec> specs =
      veil::load_catalog(veil::CatalogOptions{}).rules;
  return specs;
}

const veil::RuleSet& builtin_rules() {
  static const veil::RuleSet rules(builtin_specs());
  return rules;
}

// The lists CandidateFilter gives its KeywordPrefilter: each rule's
// keywords, then the words of each required context.
std::vector<std::vector<std::string>> keyword_lists() {
  std::vector<std::vector<std::string>> lists;
  for (const veil::RuleSpec& spec : builtin_specs()) {
    lists.push_back(spec.keywords);
  }
  for (const veil::RuleSpec& spec : builtin_specs()) {
    if (spec.context.required && !spec.context.words.empty()) {
      lists.push_back(spec.context.words);
    }
  }
  return lists;
}

// One record per text, as the reader makes for a user message.
std::vector<veil::Record> text_records() {
  std::vector<veil::Record> records;
  for (const std::string& text : bench_data().texts) {
    veil::Field field;
    field.pointer = "/messages/1/content";
    field.text = text;
    field.raw_end = static_cast<uint32_t>(text.size());
    field.role = "user";
    field.direction = veil::Direction::input;
    veil::Record record;
    record.kind = veil::RecordKind::json;
    record.model_hint = "gpt-4o-mini";
    record.fields.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  return records;
}

void set_bytes(benchmark::State& state, size_t bytes_per_iteration) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(bytes_per_iteration));
}

// Average of `total` over every text (or line) of every iteration.
void per_item(benchmark::State& state, const char* name, size_t total,
              size_t items) {
  double runs = double(state.iterations()) * double(items);
  state.counters[name] = runs > 0 ? double(total) / runs : 0;
}

void BM_KeywordPrefilter(benchmark::State& state) {
  const auto& data = bench_data();
  const veil::KeywordPrefilter prefilter(keyword_lists());
  std::vector<uint8_t> seen(prefilter.size(), 0);
  std::vector<uint32_t> hits;
  size_t total = 0;
  for (auto _ : state) {
    for (const std::string& text : data.texts) {
      hits.clear();
      prefilter.candidates(text, seen, hits);
      for (uint32_t list : hits) {
        seen[list] = 0;
      }
      total += hits.size();
    }
  }
  set_bytes(state, data.text_bytes);
  per_item(state, "lists/text", total, data.texts.size());
}
BENCHMARK(BM_KeywordPrefilter)->Name("KeywordPrefilter");

// The same lists with the automaton's walks done 64 texts at a time, as the
// scanner does a record group's strings (short texts side by side); without
// the rules that have no keywords, which candidates() adds to every text.
void BM_KeywordPrefilterMany(benchmark::State& state) {
  const auto& data = bench_data();
  const veil::KeywordPrefilter prefilter(keyword_lists());
  const std::vector<std::string_view> texts(data.texts.begin(),
                                            data.texts.end());
  veil::KeywordPrefilter::Walks walks;
  std::vector<uint8_t> seen(prefilter.size(), 0);
  std::vector<uint32_t> walked;
  std::vector<uint32_t> ends;
  std::vector<uint32_t> hits;
  size_t total = 0;
  for (auto _ : state) {
    for (size_t first = 0; first < texts.size(); first += 64) {
      auto group = std::span(texts).subspan(
          first, std::min<size_t>(64, texts.size() - first));
      walked.clear();
      prefilter.ascii_matches(group, walks, seen, walked, ends);
      for (size_t i = 0; i < group.size(); ++i) {
        const uint32_t from = i == 0 ? 0 : ends[i - 1];
        hits.clear();
        prefilter.matches(group[i],
                          std::span(walked).subspan(from, ends[i] - from), seen,
                          hits);
        for (uint32_t list : hits) {
          seen[list] = 0;
        }
        total += hits.size();
      }
    }
  }
  set_bytes(state, data.text_bytes);
  per_item(state, "lists/text", total, data.texts.size());
}
BENCHMARK(BM_KeywordPrefilterMany)->Name("KeywordPrefilter/many");

void run_candidate_filter(benchmark::State& state,
                          const veil::CandidateFilter& filter) {
  const auto& data = bench_data();
  veil::CandidateFilter::Scratch scratch;
  std::vector<veil::CandidateFilter::Candidate> out;
  size_t total = 0;
  for (auto _ : state) {
    for (const std::string& text : data.texts) {
      out.clear();
      filter.candidates(veil::CandidateFilter::Text{.text = text,
                                                    .key = "content",
                                                    .model = "gpt-4o-mini"},
                        scratch, out);
      total += out.size();
    }
  }
  set_bytes(state, data.text_bytes);
  per_item(state, "rules/text", total, data.texts.size());
}

void BM_CandidateFilter(benchmark::State& state) {
  run_candidate_filter(state, builtin_rules().candidate_filter());
}
BENCHMARK(BM_CandidateFilter)->Name("CandidateFilter/keywords");

// The same with the Vectorscan database built first (its own RuleSet, so
// the other benchmarks keep the keyword path).
void BM_CandidateFilterVectorscan(benchmark::State& state) {
  static const auto rules = std::make_unique<veil::RuleSet>(builtin_specs());
  static const bool built = rules->candidate_filter().build_now();
  if (!built) {
    state.SkipWithError("no Vectorscan database (built without libhs?)");
    return;
  }
  run_candidate_filter(state, rules->candidate_filter());
}
BENCHMARK(BM_CandidateFilterVectorscan)->Name("CandidateFilter/vectorscan");

void BM_FindEncoded(benchmark::State& state) {
  const auto& data = bench_data();
  size_t total = 0;
  for (auto _ : state) {
    for (const std::string& text : data.texts) {
      std::vector<veil::DecodedSpan> spans = veil::find_encoded(text);
      benchmark::DoNotOptimize(spans.data());
      total += spans.size();
    }
  }
  set_bytes(state, data.text_bytes);
  per_item(state, "spans/text", total, data.texts.size());
}
BENCHMARK(BM_FindEncoded)->Name("find_encoded");

// The gate on one text at a time: its screen, then the RE2::Set over the 21
// gated rules where the screen lets a text through (its own RuleSet, built
// at once, so that Scanner::scan keeps veil's warm-up).
void BM_RuleGate(benchmark::State& state) {
  static const auto rules = std::make_unique<veil::RuleSet>(builtin_specs());
  const veil::RuleGate& gate = rules->gate();
  gate.build_now();
  size_t first = 0;
  while (first < rules->rules().size() && !gate.gated(first)) {
    ++first;
  }
  const auto& data = bench_data();
  veil::RuleGate::Scratch scratch;
  size_t total = 0;
  for (auto _ : state) {
    for (const std::string& text : data.texts) {
      gate.begin(scratch);
      total += gate.may_match(text, first, scratch) ? 1 : 0;
    }
  }
  set_bytes(state, data.text_bytes);
  per_item(state, "first-rule-may-match/text", total, data.texts.size());
}
BENCHMARK(BM_RuleGate)->Name("RuleGate");

// The gate as the scanner asks it: the screen over 64 texts at a time (four
// walked side by side), then the set on those it lets through.
void BM_RuleGateGroups(benchmark::State& state) {
  static const auto rules = std::make_unique<veil::RuleSet>(builtin_specs());
  const veil::RuleGate& gate = rules->gate();
  gate.build_now();
  const auto& data = bench_data();
  std::vector<std::string_view> texts(data.texts.begin(), data.texts.end());
  veil::RuleGate::Scratch scratch;
  std::vector<int> hits;
  size_t passed = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < texts.size(); i += 64) {
      auto group =
          std::span(texts).subspan(i, std::min<size_t>(64, texts.size() - i));
      gate.screen(group, scratch);
      for (size_t k = 0; k < group.size(); ++k) {
        if (scratch.maybe[k] != 0) {
          ++passed;
          gate.run(group[k], hits);
        }
      }
    }
  }
  set_bytes(state, data.text_bytes);
  per_item(state, "set-runs/text", passed, data.texts.size());
}
BENCHMARK(BM_RuleGateGroups)->Name("RuleGate/groups");

// The windows of every windowed built-in rule in every text.
void BM_AnchorWindows(benchmark::State& state) {
  std::vector<veil::AnchorNeed> needs;
  for (const veil::RuleSpec& spec : builtin_specs()) {
    veil::AnchorNeed need = veil::AnchorNeed::of(spec.regex, spec.group);
    if (need.kind != veil::AnchorNeed::Kind::none) {
      needs.push_back(need);
    }
  }
  const auto& data = bench_data();
  veil::AnchorWindows windows;
  std::vector<veil::Window> out;
  size_t total = 0;
  for (auto _ : state) {
    for (const std::string& text : data.texts) {
      windows.reset(text);
      for (const veil::AnchorNeed& need : needs) {
        total += windows.windows(need, out) ? out.size() : 1;
      }
    }
  }
  set_bytes(state, data.text_bytes);
  per_item(state, "windows/text", total, data.texts.size());
}
BENCHMARK(BM_AnchorWindows)->Name("AnchorWindows");

// The finding segments of every built-in rule that has barriers worth the
// look, in every whole text.
void BM_BarrierSegments(benchmark::State& state) {
  std::vector<veil::SegmentNeed> needs;
  for (const veil::RuleSpec& spec : builtin_specs()) {
    std::optional<veil::RegexShape> shape =
        veil::regex_shape(spec.regex, spec.group);
    if (shape) {
      veil::SegmentNeed need = veil::SegmentNeed::of(*shape);
      if (need.useful) {
        needs.push_back(need);
      }
    }
  }
  const auto& data = bench_data();
  std::vector<veil::Window> out;
  size_t total = 0;
  for (auto _ : state) {
    for (const std::string& text : data.texts) {
      for (const veil::SegmentNeed& need : needs) {
        out.clear();
        veil::finding_segments(text, {0, uint32_t(text.size())}, need, out);
        total += out.size();
      }
    }
  }
  set_bytes(state, data.text_bytes * needs.size());
  per_item(state, "segments/text", total, data.texts.size());
}
BENCHMARK(BM_BarrierSegments)->Name("BarrierSegments");

// The scanner benchmarks repeat the same texts, which the field cache would
// answer from the second pass on: it is off, except in the one benchmark
// that measures it.
void BM_ScannerScan(benchmark::State& state) {
  const auto& data = bench_data();
  const std::vector<veil::Record> records = text_records();
  veil::Scanner scanner(builtin_rules());
  scanner.use_cache(false);
  std::vector<veil::Match> matches;
  // Built-in rules compile on first use: not in the measured time.
  for (const veil::Record& record : records) {
    matches.clear();
    scanner.scan(record, matches);
  }
  size_t total = 0;
  for (auto _ : state) {
    for (const veil::Record& record : records) {
      matches.clear();
      scanner.scan(record, matches);
      total += matches.size();
    }
  }
  set_bytes(state, data.text_bytes);
  per_item(state, "matches/text", total, records.size());
}
BENCHMARK(BM_ScannerScan)->Name("Scanner::scan");

// The same texts as the workers scan them: 64 records to a group; with the
// field cache on (range 1), every text after the first two passes is a
// repeat found there.
void BM_ScannerScanGroup(benchmark::State& state) {
  const auto& data = bench_data();
  const std::vector<veil::Record> records = text_records();
  veil::Scanner scanner(builtin_rules());
  scanner.use_cache(state.range(0) != 0);
  std::vector<std::vector<veil::Match>> matches(records.size());
  auto scan_all = [&] {
    size_t found = 0;
    for (size_t begin = 0; begin < records.size(); begin += 64) {
      size_t size = std::min<size_t>(64, records.size() - begin);
      for (size_t i = begin; i < begin + size; ++i) {
        matches[i].clear();
      }
      scanner.scan_group(std::span(records).subspan(begin, size),
                         std::span(matches).subspan(begin, size));
      for (size_t i = begin; i < begin + size; ++i) {
        found += matches[i].size();
      }
    }
    return found;
  };
  scan_all(); // built-in rules compile on first use (and texts are seen)
  scan_all();
  size_t total = 0;
  for (auto _ : state) {
    total += scan_all();
  }
  set_bytes(state, data.text_bytes);
  per_item(state, "matches/text", total, records.size());
}
BENCHMARK(BM_ScannerScanGroup)
    ->Name("Scanner::scan_group")
    ->ArgName("cache")
    ->Arg(0)
    ->Arg(1);

// --- JSONL lines ------------------------------------------------------------

void BM_RecordReader(benchmark::State& state) {
  const auto& data = bench_data();
  veil::ReaderOptions options;
  veil::RecordReader reader(options);
  // Reused like a worker's batch.
  std::vector<veil::Record> records(data.lines.size());
  size_t total = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < data.lines.size(); ++i) {
      records[i].content = data.lines[i];
      reader.read(records[i]);
      total += records[i].fields.size();
    }
  }
  for (const veil::Record& record : records) {
    if (record.kind != veil::RecordKind::json) {
      state.SkipWithError("a generated line is not valid JSON");
      break;
    }
  }
  set_bytes(state, data.jsonl.size());
  per_item(state, "fields/line", total, data.lines.size());
}
BENCHMARK(BM_RecordReader)->Name("RecordReader");

void BM_SimdjsonPass(benchmark::State& state) {
  const auto& data = bench_data();
  // The lines in place, with simdjson's padding after the last one.
  std::string block = data.jsonl;
  block.append(simdjson::SIMDJSON_PADDING, '\0');
  simdjson::ondemand::parser parser;
  veil::bench::WalkTotals totals;
  for (auto _ : state) {
    veil::bench::walk_lines(parser, block.data(), data.jsonl.size(),
                            block.size(), totals);
  }
  if (totals.invalid != 0) {
    state.SkipWithError("simdjson refused a generated line");
  }
  set_bytes(state, data.jsonl.size());
  per_item(state, "strings/line", totals.strings, data.lines.size());
}
BENCHMARK(BM_SimdjsonPass)->Name("simdjson_pass");

// A worker's core: read the line, scan its fields (no output, no policy).
void BM_ReadAndScan(benchmark::State& state) {
  const auto& data = bench_data();
  veil::ReaderOptions options;
  veil::RecordReader reader(options);
  veil::Scanner scanner(builtin_rules());
  scanner.use_cache(false);
  std::vector<veil::Record> records(data.lines.size());
  std::vector<veil::Match> matches;
  auto pass = [&] {
    size_t found = 0;
    for (size_t i = 0; i < data.lines.size(); ++i) {
      records[i].content = data.lines[i];
      reader.read(records[i]);
      matches.clear();
      scanner.scan(records[i], matches);
      found += matches.size();
    }
    return found;
  };
  pass(); // compiles the rules this input needs
  size_t total = 0;
  for (auto _ : state) {
    total += pass();
  }
  set_bytes(state, data.jsonl.size());
  per_item(state, "matches/line", total, data.lines.size());
}
BENCHMARK(BM_ReadAndScan)->Name("RecordReader+Scanner::scan");

} // namespace

// BENCHMARK_MAIN, with 0.1 s per benchmark unless the command line says
// otherwise (a later flag wins).
int main(int argc, char** argv) {
  unsetenv("VEIL_VECTORSCAN");
  std::vector<char*> args(argv, argv + argc);
  std::string min_time = "--benchmark_min_time=0.1";
  args.insert(args.begin() + 1, min_time.data());
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());
  if (benchmark::ReportUnrecognizedArguments(count, args.data())) {
    return 1;
  }
  const auto& data = bench_data();
  benchmark::AddCustomContext(
      "texts", std::to_string(data.texts.size()) + " (" +
                   std::to_string(data.text_bytes) + " bytes, " +
                   std::to_string(data.planted) + " with a planted value)");
  benchmark::AddCustomContext(
      "jsonl", std::to_string(data.lines.size()) + " lines (" +
                   std::to_string(data.jsonl.size()) + " bytes)");
  benchmark::AddCustomContext("rules",
                              std::to_string(builtin_rules().rules().size()));
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
