// A rule as written in a TOML pack: plain values plus the location of each
// key, so that later stages (regex compilation, lint) can report errors as
// "FILE:LINE:COL: rule ID: what is wrong". Nothing here is compiled.
#pragma once

#include "core/location.hpp"
#include "core/severity.hpp"

#include <map>
#include <string>
#include <vector>

namespace veil {

// Words near a match (or in the field's JSON key, or in the record's model /
// base_url) that raise confidence, or that must be present when required.
struct ContextSpec {
  std::vector<std::string> words; // case-insensitive
  int window = 64;                // bytes before and after the match
  bool required = false;
  double boost = 0.1; // added to confidence when a word is found
  // "near": the window, the JSON key and the record's model/base_url count;
  // "key": only the JSON key holding the value (generic secrets under
  // "client_secret", not any token in prose that mentions a token).
  std::string where = "near";
  // Key names that are never context even when they hold a word
  // ("public_key", "_id", "keyboard").
  std::vector<std::string> not_keys;
};

struct RuleSpec {
  std::string id; // dotted: pii.email, secret.github_pat
  std::string description;
  std::string entity;   // EMAIL_ADDRESS, CREDIT_CARD, OPENAI_API_KEY...
  std::string category; // pii, secret, injection, output, custom
  Severity severity = Severity::medium;
  std::string regex; // RE2 syntax
  int group = 0;     // capture group that is the finding (0: whole)
  std::vector<std::string> keywords; // prefilter literals, case-insensitive
  std::string validator;             // name in the validator table, or ""
  // "require": a value failing the validator is no finding (check digits of
  // IDs); "score": it is still a finding, with lower confidence and severity
  // (secrets whose checksum is optional evidence).
  std::string validator_mode = "require";
  double entropy = 0; // minimum Shannon entropy (bits/char), 0: none
  ContextSpec context;
  std::vector<std::string> allow; // RE2 patterns of matches to ignore
  std::string direction = "any";  // any | input | output
  std::string style;              // default redaction style, "" = run default
  double confidence = 0.8;        // base confidence
  // Rule ids whose match in the same record makes this one worse: an AWS
  // key id next to its secret key is a usable credential, not a lone id.
  std::vector<std::string> pairs_with;
  std::vector<std::string> examples_match;
  std::vector<std::string> examples_no_match;

  std::string pack; // name of the pack it came from
  // From a pack compiled into veil: the test suite compiles and runs its
  // regexes, so they are compiled on first use, not at start-up.
  bool builtin = false;
  // RE2's ProgramSize() of regex when known without compiling it (0: not
  // known): a built-in rule's is worked out when the packs are encoded, as
  // the rule gates ask every rule of theirs and most never run.
  int program_size = 0;
  SourceLocation location; // of the rule's table
  // Line and column of each key ("regex", "context.window"...) in the
  // rule's file: thousands of entries over the built-in packs, so the file
  // name is not repeated in each (start-up time).
  std::map<std::string, TextPosition> key_positions;

  // Location of a key, falling back to the rule's table.
  SourceLocation where(const std::string& key) const {
    auto it = key_positions.find(key);
    return it == key_positions.end()
               ? location
               : SourceLocation{location.file, it->second.line,
                                it->second.column};
  }
};

struct PackSpec {
  std::string name;
  std::string version;
  std::string description;
  std::string source; // display name: "rules/pii.toml" or the user's path
  std::vector<RuleSpec> rules;
};

} // namespace veil
