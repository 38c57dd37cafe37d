#include "pipeline/pipeline.hpp"

#include "actions/mask.hpp"
#include "actions/raw_offset.hpp"
#include "core/errors.hpp"
#include "core/keep_until_exit.hpp"
#include "pipeline/batch.hpp"
#include "pipeline/run_stats.hpp"
#include "pipeline/worker_pool.hpp"
#include "reader/json_piece_reader.hpp"
#include "reader/record_reader.hpp"
#include "scanner/scanner.hpp"
#include "sinks/output.hpp"
#include "sinks/piece_writer.hpp"
#include "sinks/report/tee_report.hpp"
#include "source/byte_source.hpp"
#include "source/input_list.hpp"
#include "source/input_size.hpp"

#include <chrono>
#include <deque>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>

namespace veil {

namespace {

// What each worker thread owns.
struct WorkerState {
  WorkerState(const RunOptions& options, const RuleSet& rules,
              const KeyedHash& fingerprints)
      : reader(options.reader), scanner(rules, options.min_confidence),
        scorer(rules, options.injection_threshold),
        output_checks(options.output_checks, rules.rules().size()),
        explain(options.explain), policy(options.policy),
        actions(options.actions), hash(fingerprints) {}
  RecordReader reader;
  Scanner scanner;
  InjectionScorer scorer;
  OutputChecks output_checks;
  bool explain;
  policy::PolicyWorker policy;
  const ActionOptions& actions; // for match_facts
  const KeyedHash& hash;        // fingerprints
  bool timed = false;           // --stats
  double scan_seconds = 0;

  // A batch's records go back to the worker that filled them once the
  // ordered stage is done with them, and that worker frees them: glibc
  // frees memory of another thread's arena under that arena's lock, which
  // its owner takes for its own allocations (at -j2, malloc and free took
  // three times the profile samples of -j1, a tenth of them in the reading
  // thread's frees).
  void retire(std::vector<Record> records) {
    std::lock_guard<std::mutex> lock(m_retired_mutex);
    m_retired.push_back(std::move(records));
  }
  void free_retired() {
    std::vector<std::vector<Record>> retired; // freed after the unlock
    std::lock_guard<std::mutex> lock(m_retired_mutex);
    retired.swap(m_retired);
  }

private:
  std::mutex m_retired_mutex;
  std::vector<std::vector<Record>> m_retired;
};

void read_record(Batch& batch, size_t i, WorkerState& state) {
  const LineSlot& slot = batch.lines[i];
  Record& record = batch.records[i];
  std::string_view storage = batch.storage;
  record.input_index = batch.input_index;
  record.line = slot.number;
  record.bom = storage.substr(slot.begin - slot.bom_length, slot.bom_length);
  record.content = storage.substr(slot.begin, slot.length);
  record.terminator =
      storage.substr(slot.begin + slot.length, slot.terminator_length);
  record.readable_after = true; // the batch is sealed
  record.piece = slot.piece;
  record.json_at_keep = slot.json_at_keep;
  if (slot.too_long) {
    state.reader.clear(record); // nothing of it is scanned
    record.kind = RecordKind::too_long;
    return;
  }
  state.reader.read(record);
  state.policy.plan(record, batch.plans[i]);
}

// A piece's matches that start in its own bytes: the others are found,
// whole, by the piece where they start. Matches come field by field.
template <typename Found>
void keep_own(const Record& record, Found& found) {
  FieldColumns columns(record);
  std::erase_if(found, [&](const auto& m) {
    return !record.piece->owns(columns.column(m.field, m.start) - 1);
  });
}

// The scanner takes records in groups small enough for their text to stay
// in cache while its stages pass over them in turn.
constexpr size_t k_group_records = 64;
constexpr size_t k_group_bytes = size_t{64} << 10;

void process_batch(Batch& batch, WorkerState& state) {
  StageTimer timer(state.timed ? &state.scan_seconds : nullptr);
  size_t n = batch.lines.size();
  batch.records.resize(n);
  for (Record& record : batch.records) {
    record.fields.share_texts(&batch.texts);
  }
  batch.matches.resize(n);
  batch.facts.resize(n);
  batch.drops.resize(state.explain ? n : 0);
  batch.plans.resize(n);
  for (size_t begin = 0; begin < n;) {
    size_t end = begin;
    size_t bytes = 0;
    while (end < n && end - begin < k_group_records && bytes < k_group_bytes) {
      bytes += batch.lines[end].length;
      read_record(batch, end++, state);
    }
    auto drops = std::span(batch.drops);
    state.scanner.scan_group(
        std::span(batch.records).subspan(begin, end - begin),
        std::span(batch.matches).subspan(begin, end - begin),
        drops.empty() ? drops : drops.subspan(begin, end - begin));
    for (size_t i = begin; i < end; ++i) {
      if (batch.records[i].piece) {
        keep_own(batch.records[i], batch.matches[i]);
        if (!drops.empty()) {
          keep_own(batch.records[i], drops[i]);
        }
      }
      state.output_checks.run(batch.records[i], batch.matches[i]);
      state.scorer.score(batch.records[i], batch.matches[i]);
      match_facts(batch.records[i], batch.matches[i], state.actions, state.hash,
                  batch.facts[i]);
    }
    begin = end;
  }
}

// The ordered stage: everything stateful or written happens here, in input
// order.
class OrderedStage {
public:
  OrderedStage(const RunOptions& options, const KeyedHash& hash, Output* output,
               ReportWriter& report)
      : m_options(options), m_builder(options.actions, hash), m_output(output),
        m_report(report) {
    if (options.policy.active()) {
      m_policy = std::make_unique<policy::PolicyStage>(options.policy, output);
    }
  }
  // The labels of every value seen stay until the process ends.
  ~OrderedStage() {
    keep_until_exit(std::make_unique<FindingBuilder>(std::move(m_builder)));
  }

  void start_file() {
    m_builder.start_file();
    ++m_summary.files;
  }
  void consume(const Batch& batch, const std::string& file);
  // Progress line and --stats counters, when asked for.
  void watch(ProgressMeter* progress, RunStats* stats) {
    m_progress = progress;
    m_stats = stats;
  }
  ProgressCounts counts() const {
    return {m_summary.bytes, m_summary.records, m_summary.findings};
  }
  void error(const std::string& message) {
    if (m_progress) {
      m_progress->suspend();
    }
    std::cerr << "veil: " << message << '\n';
    ++m_summary.errors;
  }
  Summary& summary() { return m_summary; }
  // Commits --rejects and --split-by files, writes --metrics.
  void finish_policy() {
    if (m_policy) {
      m_policy->finish(m_summary);
    }
  }
  bool failed_on_findings() const { return m_fail; }

private:
  void explain(const Record& record, const std::vector<Drop>& drops,
               const std::string& file) const;
  void consume_record(const Record& record, const std::vector<Match>& matches,
                      const std::vector<MatchFacts>& facts,
                      const policy::RecordPlan& plan, std::string_view raw,
                      const std::string& file);
  void consume_piece(const Record& record, const std::vector<Match>& matches,
                     const std::vector<MatchFacts>& facts,
                     const std::string& file);
  void write_piece(const Record& record, const std::vector<Match>& matches);
  void report(const std::vector<Finding>& findings);
  void write(std::string_view bytes) {
    StageTimer timer(m_stats ? &m_stats->write_seconds : nullptr);
    m_output->write(bytes);
  }

  const RunOptions& m_options;
  FindingBuilder m_builder;
  Output* m_output;
  ReportWriter& m_report;
  Summary m_summary;
  ProgressMeter* m_progress = nullptr;
  RunStats* m_stats = nullptr;
  bool m_fail = false;
  std::vector<Finding> m_findings; // scratch, reused per record
  std::vector<TokenEdit> m_edits;
  std::unique_ptr<policy::PolicyStage> m_policy;
  std::string m_line;
  // The line being read in pieces: its output, the input problems reported
  // for it, and its record id.
  PieceWriter m_piece_writer;
  std::set<std::string> m_piece_inputs;
  std::string m_piece_id; // its --id-field value, once read
};

void OrderedStage::consume(const Batch& batch, const std::string& file) {
  StageTimer timer(m_stats ? &m_stats->redact_seconds : nullptr);
  if (m_progress && !batch.drops.empty()) {
    m_progress->suspend(); // --explain lines follow
  }
  for (size_t i = 0; i < batch.records.size(); ++i) {
    consume_record(batch.records[i], batch.matches[i], batch.facts[i],
                   batch.plans[i], batch.raw_line(i), file);
    if (!batch.drops.empty()) {
      explain(batch.records[i], batch.drops[i], file);
    }
  }
  if (m_progress) {
    m_progress->update(counts()); // reads the clock once per batch
  }
}

void OrderedStage::consume_record(const Record& record,
                                  const std::vector<Match>& matches,
                                  const std::vector<MatchFacts>& facts,
                                  const policy::RecordPlan& plan,
                                  std::string_view raw,
                                  const std::string& file) {
  if (record.piece) {
    consume_piece(record, matches, facts, file);
    return;
  }
  ++m_summary.records;
  m_summary.bytes += raw.size();
  if (record.kind == RecordKind::too_long) {
    // Never pass unscanned bytes through: the line is left out and the run
    // fails with exit 3.
    error(file + ":" + std::to_string(record.line) +
          ": line longer than --max-line-bytes (" +
          std::to_string(m_options.max_line_bytes) +
          "): not scanned, not written");
    return;
  }
  m_findings.clear();
  m_edits.clear();
  m_builder.build(record, matches, &facts, file, m_findings, m_edits);
  report(m_findings);
  if (m_policy) {
    m_policy->record(record, plan, m_findings, m_edits, raw, file,
                     [this](Style s, const std::string& e, std::string_view v) {
                       return m_builder.replace(s, e, v);
                     });
    return;
  }
  if (m_output == nullptr) {
    return;
  }
  if (m_edits.empty()) {
    write(raw);
    return;
  }
  m_line.assign(record.bom);
  rewrite_line(record.content, m_edits, m_line);
  m_line.append(record.terminator);
  write(m_line);
}

void OrderedStage::report(const std::vector<Finding>& findings) {
  for (const Finding& f : findings) {
    if (m_options.suppressor && m_options.suppressor->suppresses(f)) {
      m_summary.suppress(f);
      continue;
    }
    m_summary.add(f);
    if (m_options.fail_on && f.severity >= *m_options.fail_on) {
      m_fail = true;
    }
    m_report.finding(f);
  }
}

// A piece's findings; the line counts as one record, and each kind of
// input problem in it as one finding.
void OrderedStage::consume_piece(const Record& record,
                                 const std::vector<Match>& matches,
                                 const std::vector<MatchFacts>& facts,
                                 const std::string& file) {
  const LinePiece& piece = *record.piece;
  if (piece.first) {
    ++m_summary.records;
    m_piece_inputs.clear();
    m_piece_id.clear();
  }
  if (!record.record_id.empty()) {
    m_piece_id = record.record_id; // the pieces after it carry it too
  }
  m_summary.bytes += record.bom.size() + piece.keep_end - piece.keep_begin +
                     record.terminator.size();
  m_findings.clear();
  m_edits.clear();
  m_builder.build(record, matches, &facts, file, m_findings, m_edits);
  if (m_output != nullptr) {
    write_piece(record, matches);
  }
  std::erase_if(m_findings, [this](const Finding& f) {
    return f.category == "input" && !m_piece_inputs.insert(f.rule).second;
  });
  for (Finding& f : m_findings) {
    f.record_id = m_piece_id;
  }
  report(m_findings);
}

// The piece's own bytes with its redacted values replaced, each in its own
// raw span (escaped in a JSON string), so the rest of a string stays as
// written. One that starts in bytes already replaced loses the rest of its
// bytes too (only a match longer than the context could).
void OrderedStage::write_piece(const Record& record,
                               const std::vector<Match>& matches) {
  m_piece_writer.start(*record.piece, record.content, record.bom);
  // The builder gives the input findings first, then one per match.
  const size_t first = m_findings.size() - matches.size();
  FieldColumns columns(record);
  auto in_line = [&](uint32_t field, size_t decoded) { // columns are 1-based
    return record.piece->offset + columns.column(field, decoded) - 1;
  };
  for (size_t i = 0; i < matches.size(); ++i) {
    const Match& m = matches[i];
    const Finding& f = m_findings[first + i];
    if (f.action == "redacted") {
      m_piece_writer.replace(in_line(m.field, m.start), in_line(m.field, m.end),
                             f.replacement, record.fields[m.field].is_json);
    }
  }
  write(m_piece_writer.finish(record.terminator));
}

// One stderr line per dropped candidate; the value only as a masked preview.
void OrderedStage::explain(const Record& record, const std::vector<Drop>& drops,
                           const std::string& file) const {
  // A field's drops come rule by rule, each rule's in order of offset.
  FieldColumns columns(record);
  const uint64_t offset = record.piece ? record.piece->offset : 0;
  for (const Drop& d : drops) {
    const Field& field = record.fields[d.field];
    const RuleSpec& spec = d.rule->spec();
    std::string_view value(field.text.data() + d.start, d.end - d.start);
    std::cerr << "veil: explain: " << file << ':' << record.line << ':'
              << columns.column(d.field, d.start) + offset << ": rule "
              << spec.id << ": "
              << masked_preview(spec.category, spec.entity, value)
              << " dropped by " << d.stage << '\n';
  }
}

// Lines too long to hold whole are read in pieces, but not under a policy:
// it plans whole records.
LinePieces line_pieces(const RunOptions& options) {
  return options.policy.active() ? LinePieces{} : LinePieces::standard();
}

size_t thread_count(size_t jobs) {
  if (jobs == 0) {
    jobs = std::max(1u, std::thread::hardware_concurrency());
  }
  return jobs;
}

// Reads inputs into batches and runs them through the workers; the ordered
// stage consumes results in submission order with a bounded window.
class Driver {
public:
  Driver(const RunOptions& options, const RuleSet& rules, const KeyedHash& hash,
         OrderedStage& stage)
      : m_options(options), m_stage(stage) {
    size_t threads = thread_count(options.jobs);
    for (size_t i = 0; i < threads; ++i) {
      m_states.push_back(std::make_unique<WorkerState>(options, rules, hash));
    }
    if (threads > 1) {
      m_pool = std::make_unique<WorkerPool>(threads);
      for (auto& state : m_states) {
        state->scanner.compile_ahead(true);
      }
    }
  }

  // --stats: the reading thread's and the workers' times go here.
  void time_into(RunStats* stats) {
    m_stats = stats;
    for (auto& state : m_states) {
      state->timed = stats != nullptr;
    }
  }
  double scan_seconds() const {
    double sum = 0;
    for (const auto& state : m_states) {
      sum += state->scan_seconds;
    }
    return sum;
  }
  void run_input(const Input& input, size_t index);
  void drain() {
    while (!m_pending.empty()) {
      finish_front();
    }
  }

private:
  struct Pending {
    std::unique_ptr<Batch> batch;
    std::future<void> done;
    std::string file;
  };
  void submit(std::unique_ptr<Batch> batch, const std::string& file);
  void finish_front();
  std::unique_ptr<Batch> take_batch(size_t input_index);
  void keep(std::unique_ptr<Batch> batch);

  const RunOptions& m_options;
  OrderedStage& m_stage;
  RunStats* m_stats = nullptr;
  // Declared so that the pool is destroyed (its threads joined) before the
  // batches and states its tasks still use.
  std::vector<std::unique_ptr<WorkerState>> m_states;
  std::deque<Pending> m_pending;
  std::vector<std::unique_ptr<Batch>> m_spare; // consumed, for reuse
  std::unique_ptr<WorkerPool> m_pool;
};

void Driver::submit(std::unique_ptr<Batch> batch, const std::string& file) {
  batch->seal();
  if (!m_pool) {
    process_batch(*batch, *m_states[0]);
    m_stage.consume(*batch, file);
    keep(std::move(batch));
    return;
  }
  Batch* raw = batch.get();
  auto done = m_pool->submit([this, raw](size_t worker) {
    m_states[worker]->free_retired();
    raw->worker = worker;
    process_batch(*raw, *m_states[worker]);
  });
  m_pending.push_back(Pending{std::move(batch), std::move(done), file});
  if (m_pending.size() > 2 * m_pool->size()) {
    finish_front();
  }
}

void Driver::finish_front() {
  Pending& front = m_pending.front();
  front.done.get();
  m_stage.consume(*front.batch, front.file);
  std::unique_ptr<Batch> batch = std::move(front.batch);
  m_pending.pop_front();
  keep(std::move(batch));
}

std::unique_ptr<Batch> Driver::take_batch(size_t input_index) {
  std::unique_ptr<Batch> batch;
  if (m_spare.empty()) {
    batch = std::make_unique<Batch>();
  } else {
    batch = std::move(m_spare.back());
    m_spare.pop_back();
  }
  batch->input_index = input_index;
  return batch;
}

void Driver::keep(std::unique_ptr<Batch> batch) {
  if (!batch->worth_keeping()) {
    return;
  }
  batch->clear();
  if (m_pool) {
    // With workers, more batches are in flight, each record keeping its
    // fields for the next line: kept, they took the peak on the bench
    // corpus at -j2 from 59 to 74 MB, and saved no time once their texts
    // were in the batch's arena.
    m_states[batch->worker]->retire(std::move(batch->records));
    batch->records.clear();
  } else if (!batch->records_worth_keeping()) {
    batch->records.clear();
  }
  m_spare.push_back(std::move(batch));
}

void Driver::run_input(const Input& input, size_t index) {
  OpenedInput opened = open_input(input);
  if (opened.binary && input.from_walk) {
    std::cerr << "veil: note: " << input.name << ": binary file skipped\n";
    return;
  }
  drain(); // the previous file's findings come first
  m_stage.start_file();
  LineSplitter splitter(std::move(opened.source), m_options.max_line_bytes,
                        line_pieces(m_options));
  std::unique_ptr<Batch> batch = take_batch(index);
  RawLine line;
  JsonPieceWalk json_pieces(m_options.reader.mode);
  // Time spent reading and splitting, not waiting for the other stages.
  Stopwatch reading(m_stats ? &m_stats->read_seconds : nullptr);
  reading.start();
  try {
    while (splitter.next(line)) {
      batch->add(line);
      if (line.piece) {
        batch->lines.back().json_at_keep =
            json_pieces.next(*line.piece, line.content);
      }
      if (batch->full()) {
        reading.stop();
        submit(std::move(batch), input.name);
        reading.start();
        batch = take_batch(index);
      }
    }
  } catch (const InputError&) {
    // Lines read before a read error (a truncated .gz) are still processed.
    // A write error thrown by submit() leaves batch moved from.
    if (batch && !batch->lines.empty()) {
      submit(std::move(batch), input.name);
    }
    throw;
  }
  reading.stop();
  if (!batch->lines.empty()) {
    submit(std::move(batch), input.name);
  }
}

} // namespace

ExitCode run_pipeline(const RunOptions& options, const RuleSet& rules,
                      const RunInfo& run, const KeyedHash& hash) {
  auto started = std::chrono::steady_clock::now();
  std::unique_ptr<Output> output;
  if (options.output) {
    output = std::make_unique<Output>(*options.output);
  }
  std::unique_ptr<Output> report_out;
  std::ostream* report_stream = nullptr;
  if (options.report) {
    report_out = std::make_unique<Output>(*options.report);
    report_stream = &report_out->stream();
  } else {
    static std::ostream null_stream(nullptr);
    report_stream = &null_stream;
  }
  auto report = make_report_writer(options.format, *report_stream,
                                   options.report_options);
  TeeReport tee(*report, options.observers);
  tee.begin(run);
  OrderedStage stage(options, hash, output.get(), tee);
  RunStats stats;
  std::optional<ProgressMeter> progress;
  if (options.progress) {
    progress.emplace(std::cerr, *options.progress,
                     known_input_size(options.inputs));
  }
  stage.watch(progress ? &*progress : nullptr,
              options.stats ? &stats : nullptr);
  {
    Driver driver(options, rules, hash, stage);
    driver.time_into(options.stats ? &stats : nullptr);
    stats.threads = thread_count(options.jobs);
    size_t index = 0;
    // One bad argument or file fails the run (exit 3) but not the others.
    for (const std::string& arg : options.inputs) {
      std::vector<Input> inputs;
      try {
        inputs = expand_inputs({arg}, options.walk);
      } catch (const InputError& e) {
        driver.drain();
        stage.error(e.what());
      }
      for (const Input& input : inputs) {
        try {
          driver.run_input(input, index++);
        } catch (const InputError& e) {
          driver.drain();
          stage.error(e.what());
        }
      }
    }
    driver.drain();
    stats.scan_seconds = driver.scan_seconds();
  }
  if (progress) {
    progress->finish(stage.counts());
  }
  if (output) {
    output->finish();
  }
  Summary& summary = stage.summary();
  summary.elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
          .count();
  stage.finish_policy();
  tee.end(summary);
  if (report_out) {
    report_out->finish();
  }
  if (options.stats) {
    stats.wall_seconds = summary.elapsed_seconds;
    stats.records = summary.records;
    stats.bytes = summary.bytes;
    stats.findings = summary.findings;
    std::cerr << format_stats(stats);
  }
  if (summary.errors > 0) {
    return ExitCode::input;
  }
  return stage.failed_on_findings() ? ExitCode::findings : ExitCode::ok;
}

} // namespace veil
