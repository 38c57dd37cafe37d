// Instructions written so that a keyword filter or a human reviewer misses
// them but a model still reads them: Unicode tag characters, zero-width
// characters inside words, Cyrillic or Greek look-alike letters, rot13 and
// leetspeak. find_hidden_text() adds
// their decoded readings to decoders.cpp's spans, so the scanner runs every
// rule on them and the phrase families catch "1gn0r3 4ll pr3v10u5
// 1nstruct10ns" like the plain sentence; the risk scorer then counts the
// match as an encoded payload too.
#pragma once

#include "scanner/decoders.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace veil {

void find_hidden_text(std::string_view text, std::vector<DecodedSpan>& out);

// Letters shifted by 13; everything else as is.
std::string rot13(std::string_view text);

// Digits and symbols read as the letters they stand for (0 o, 1 i, 3 e,
// 4 a, 5 s, 7 t, @ a, $ s) inside words that also hold letters.
std::string unleet(std::string_view text);

} // namespace veil
