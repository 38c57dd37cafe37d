# Compiler settings shared by every target: warnings and sanitizers.
add_library(veil_settings INTERFACE)
target_compile_options(veil_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 at -O3 reports std::string copies as overlapping memcpy
  # (GCC bug 105651): a false positive that -Werror would turn fatal.
  target_compile_options(veil_settings INTERFACE -Wno-restrict)
endif()
if(VEIL_WARNINGS_AS_ERRORS)
  target_compile_options(veil_settings INTERFACE -Werror)
endif()
if(VEIL_FUZZ)
  # Coverage for libFuzzer in everything the targets link.
  target_compile_options(veil_settings INTERFACE -fsanitize=fuzzer-no-link)
endif()
if(VEIL_SANITIZE)
  string(REPLACE ";" "," _veil_san "${VEIL_SANITIZE}")
  target_compile_options(veil_settings INTERFACE
    -fsanitize=${_veil_san} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(veil_settings INTERFACE -fsanitize=${_veil_san})
endif()
