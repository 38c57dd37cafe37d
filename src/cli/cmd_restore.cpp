// `veil restore`: puts original values back in place of the placeholders a
// `redact --vault` run wrote, in a model's answer (JSONL or text). JSON
// lines keep their bytes except the string tokens that held a placeholder,
// which are re-escaped with the original inside; untouched lines pass
// through byte for byte, as in redact.
#include "actions/raw_offset.hpp"
#include "actions/restorer.hpp"
#include "cli/commands.hpp"
#include "cli/run_builder.hpp"
#include "core/errors.hpp"
#include "reader/json_piece_reader.hpp"
#include "reader/record_reader.hpp"
#include "sinks/line_rewriter.hpp"
#include "sinks/output.hpp"
#include "sinks/piece_writer.hpp"
#include "source/byte_source.hpp"
#include "source/input_list.hpp"
#include "source/line_splitter.hpp"

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>

namespace veil {

namespace {

class RestoreRun {
public:
  RestoreRun(const ReaderOptions& reader, Restorer& restorer, Output& out,
             size_t max_line_bytes)
      : m_reader(reader), m_restorer(restorer), m_out(out),
        m_max_line_bytes(max_line_bytes), m_mode(reader.mode) {}

  void input(const Input& input);
  const RestoreCounts& counts() const { return m_counts; }
  size_t errors() const { return m_errors; }
  void error(const std::string& message) {
    std::cerr << "veil: " << message << '\n';
    ++m_errors;
  }

private:
  void line(const RawLine& raw, const std::string& name);
  void piece(const RawLine& raw, std::shared_ptr<const JsonStream> json);

  RecordReader m_reader;
  Restorer& m_restorer;
  Output& m_out;
  size_t m_max_line_bytes;
  RestoreCounts m_counts;
  size_t m_errors = 0;
  std::vector<TokenEdit> m_edits; // scratch, reused per line
  std::string m_line;
  InputMode m_mode;
  PieceWriter m_writer; // a long line's pieces
};

void RestoreRun::input(const Input& input) {
  LineSplitter splitter(open_input(input).source, m_max_line_bytes,
                        LinePieces::standard());
  RawLine raw;
  JsonPieceWalk json_pieces(m_mode);
  while (splitter.next(raw)) {
    if (raw.piece) {
      piece(raw, json_pieces.next(*raw.piece, raw.content));
    } else {
      line(raw, input.name);
    }
  }
}

// A piece of a long line (as redact reads it): the placeholders that start
// in its own bytes, each put back in its own span (escaped in a JSON
// string); one that runs past them was put back whole here, and the next
// piece starts after it.
void RestoreRun::piece(const RawLine& raw,
                       std::shared_ptr<const JsonStream> json) {
  const LinePiece& piece = *raw.piece;
  Record record;
  record.line = raw.number;
  record.content = raw.content;
  record.piece = piece;
  record.json_at_keep = std::move(json);
  m_reader.read(record);
  m_writer.start(piece, raw.content, raw.bom);
  for (const Field& field : record.fields) {
    RawColumns columns(record, field); // 1-based, in the window
    m_restorer.each(
        field.text, [&](size_t start, size_t end, const std::string* original) {
          const uint64_t raw_start = piece.offset + columns.column(start) - 1;
          const uint64_t raw_end = piece.offset + columns.column(end) - 1;
          if (!piece.owns(raw_start - piece.offset)) {
            return; // another piece's
          }
          Restorer::count(field.text.substr(start, end - start), original,
                          m_counts);
          // One that overlaps what is written already stays as it is.
          if (original != nullptr && raw_start >= m_writer.written_to()) {
            m_writer.replace(raw_start, raw_end, *original, field.is_json);
          }
        });
  }
  m_out.write(m_writer.finish(raw.terminator));
}

void RestoreRun::line(const RawLine& raw, const std::string& name) {
  if (raw.too_long) {
    error(name + ":" + std::to_string(raw.number) +
          ": line longer than --max-line-bytes (" +
          std::to_string(m_max_line_bytes) + "): not written");
    return;
  }
  Record record;
  record.line = raw.number;
  record.content = raw.content;
  m_reader.read(record);
  m_edits.clear();
  for (const Field& field : record.fields) {
    TokenEdit edit{field.raw_begin, field.raw_end, {}, field.is_json};
    if (m_restorer.restore(field.text, edit.text, m_counts)) {
      m_edits.push_back(std::move(edit));
    }
  }
  m_line.assign(raw.bom);
  if (m_edits.empty()) {
    m_line.append(raw.content);
  } else {
    std::sort(m_edits.begin(), m_edits.end(),
              [](const TokenEdit& a, const TokenEdit& b) {
                return a.raw_begin < b.raw_begin;
              });
    rewrite_line(raw.content, m_edits, m_line);
  }
  m_line.append(raw.terminator);
  m_out.write(m_line);
}

// Keys too: redact --scan-keys may have put placeholders there.
ReaderOptions restore_reader(const ReaderOptions& base) {
  ReaderOptions reader;
  reader.mode = base.mode;
  reader.scan_keys = true;
  return reader;
}

void report_unknown(const RestoreCounts& counts, bool has_vault, bool has_key) {
  if (counts.unknown == 0) {
    return;
  }
  std::string where = has_vault ? "not in the vault" : "";
  if (has_key) {
    where += has_vault ? " and not opened by the key" : "not opened by the key";
  }
  std::cerr << "veil: note: " << counts.unknown << " placeholder"
            << (counts.unknown == 1 ? "" : "s") << " left as "
            << (counts.unknown == 1 ? "it is" : "they are") << ": " << where
            << '\n';
}

} // namespace

ExitCode cmd_restore(const Options& o) {
  RunOptions r = base_run_options(o);
  KeyMaterial keys = KeyMaterial::load(o.key_file);
  if (o.vault.empty() && !keys.has_key()) {
    throw UsageError("restore needs --vault FILE, or a key (--key-file FILE "
                     "or VEIL_KEY) for encrypt tokens");
  }
  std::optional<Vault> vault;
  if (!o.vault.empty()) {
    vault = Vault::load(o.vault, true);
  }
  std::optional<TokenCipher> cipher;
  if (keys.has_key()) {
    cipher.emplace(keys.subkey(KeyPurpose::encrypt));
  }
  Restorer restorer(vault ? &*vault : nullptr, cipher ? &*cipher : nullptr);
  Output out(o.output.empty() ? "-" : o.output);
  ReaderOptions reader = restore_reader(r.reader);
  RestoreRun run(reader, restorer, out, r.max_line_bytes);
  // One bad argument or file fails the run (exit 3) but not the others.
  for (const std::string& arg : r.inputs) {
    std::vector<Input> inputs;
    try {
      inputs = expand_inputs({arg});
    } catch (const InputError& e) {
      run.error(e.what());
    }
    for (const Input& input : inputs) {
      try {
        run.input(input);
      } catch (const InputError& e) {
        run.error(e.what());
      }
    }
  }
  out.finish();
  report_unknown(run.counts(), vault.has_value(), cipher.has_value());
  return run.errors() > 0 ? ExitCode::input : ExitCode::ok;
}

} // namespace veil
