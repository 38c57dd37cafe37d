#include "sinks/piece_writer.hpp"

#include <doctest/doctest.h>

#include <string>

namespace veil {

TEST_SUITE("sinks::piece_writer") {

  // The line "0123456789" in two pieces: own bytes [0, 5) and [5, 10), with
  // three bytes of context either side.
  const std::string k_line = "0123456789";
  const LinePiece k_first{0, 0, 5, true, false};
  const LinePiece k_second{2, 3, 8, false, true};

  TEST_CASE("own bytes, spans replaced, a span past them carried") {
    PieceWriter w;
    w.start(k_first, std::string_view(k_line).substr(0, 8), "");
    w.replace(1, 2, "<a>", false);
    w.replace(4, 7, "<b>", false); // runs into the second piece
    CHECK(w.finish("") == "0<a>23<b>");
    CHECK(w.written_to() == 7);
    w.start(k_second, std::string_view(k_line).substr(2), "");
    w.replace(4, 7, "<b>", false); // the same span, seen again: written
    w.replace(8, 9, "\"", true);
    CHECK(w.finish("\n") == "7\\\"9\n");
  }

  TEST_CASE("a span that starts in bytes already written is left out") {
    PieceWriter w;
    w.start(k_first, std::string_view(k_line).substr(0, 8), "\xEF\xBB\xBF");
    w.replace(3, 6, "<a>", false);
    CHECK(w.finish("") == "\xEF\xBB\xBF"
                          "012<a>");
    w.start(k_second, std::string_view(k_line).substr(2), "");
    w.replace(5, 8, "<b>", false); // overlaps <a>: its bytes go too
    CHECK(w.finish("") == "89");
  }

  TEST_CASE("a line's first piece forgets the last line") {
    PieceWriter w;
    w.start(k_first, std::string_view(k_line).substr(0, 8), "");
    w.replace(4, 8, "<a>", false);
    w.finish("");
    w.start(k_first, std::string_view(k_line).substr(0, 8), "");
    CHECK(w.finish("") == "01234");
  }

} // TEST_SUITE

} // namespace veil
