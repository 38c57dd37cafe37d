// Invisible and deceptive Unicode in prompts: tag characters (U+E0000 to
// U+E007F, invisible copies of ASCII), zero-width characters inside words
// and words mixing Latin with Cyrillic or Greek look-alikes. The rules in
// rules/injection_structure.toml find them; these helpers decode what they
// hide so the phrase rules can read it, and validate look-alike words.
#pragma once

#include "scanner/validators.hpp"

#include <span>
#include <string>
#include <string_view>

namespace veil {

// The validators of the injection packs: mixed_script_word, and
// injection_risk (marks the rule whose matches the risk scorer makes, never
// true for a regex match).
std::span<const ValidatorEntry> injection_validators();

// The ASCII that a run of tag characters spells ("" when text holds none).
// Tags outside the printable range (U+E0001 LANGUAGE TAG, U+E007F CANCEL
// TAG) are dropped.
std::string decode_tag_characters(std::string_view text);

// text without the zero-width characters that sit between two letters
// (U+200B, U+200C, U+200D, U+2060, U+FEFF, U+00AD); unchanged when none
// does. Joiners inside emoji sequences stay.
std::string strip_zero_width_in_words(std::string_view text);

// text with the look-alike letters of every mixed-script word (see below)
// replaced by the Latin letters they imitate; "" when there is none.
std::string fold_look_alikes(std::string_view text);

// A word of Latin letters with at least one Cyrillic or Greek letter that
// looks like a Latin one ("pаypal" with a Cyrillic a), and no other letter
// of those scripts: spoofing, not a Russian or Greek word.
bool validate_mixed_script_word(std::string_view word);

} // namespace veil
