# Every dependency is a Debian 12 package (scripts/install-deps.sh).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(nlohmann_json CONFIG REQUIRED)
find_package(tomlplusplus CONFIG REQUIRED)
find_package(simdjson CONFIG REQUIRED)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
find_package(ZLIB REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
# RE2 from its static archive when there is one (libre2-dev ships it): a
# scan of the 20 MB bench corpus runs 2.6 % fewer instructions (callgrind,
# 3,740M instead of 3,840M), the calls between RE2's own functions no
# longer going through the shared library's PLT.
option(VEIL_STATIC_RE2 "Link RE2 statically when its archive exists" ON)
add_library(veil_re2 INTERFACE)
if(VEIL_STATIC_RE2)
  find_library(VEIL_ARCHIVE_re2 libre2.a)
endif()
if(VEIL_STATIC_RE2 AND VEIL_ARCHIVE_re2)
  target_include_directories(veil_re2 SYSTEM INTERFACE ${RE2_INCLUDE_DIRS})
  target_link_libraries(veil_re2 INTERFACE ${VEIL_ARCHIVE_re2} Threads::Threads)
else()
  target_link_libraries(veil_re2 INTERFACE PkgConfig::RE2)
endif()
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)

# libphonenumber ships no pkg-config or CMake file in Debian. veil reads its
# numbering plans (protobuf messages, so protobuf is linked too); the unit
# tests check veil's answers against its PhoneNumberUtil, which needs ICU.
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
add_library(veil_phonenumber INTERFACE)
target_include_directories(veil_phonenumber SYSTEM INTERFACE
  ${PHONENUMBER_INCLUDE_DIR})
# Linked from its static archive (libphonenumber-dev ships one), with
# protobuf and the abseil parts it uses: loading the shared libraries and
# resolving their symbols took 5 of the 15 ms a one-line run takes (the
# binary grows by 1.3 MB). ICU stays shared: its data is 30 MB.
option(VEIL_STATIC_PHONENUMBER
  "Link libphonenumber, protobuf and abseil statically when their archives exist" ON)
set(veil_phonenumber_archives phonenumber protobuf absl_strings
  absl_strings_internal absl_raw_hash_set absl_hash absl_city
  absl_low_level_hash absl_throw_delegate absl_raw_logging_internal)
set(veil_phonenumber_static ${VEIL_STATIC_PHONENUMBER})
set(veil_phonenumber_paths "")
if(veil_phonenumber_static)
  foreach(name IN LISTS veil_phonenumber_archives)
    find_library(VEIL_ARCHIVE_${name} lib${name}.a)
    if(NOT VEIL_ARCHIVE_${name})
      set(veil_phonenumber_static OFF)
    endif()
    list(APPEND veil_phonenumber_paths ${VEIL_ARCHIVE_${name}})
  endforeach()
endif()
if(veil_phonenumber_static)
  pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
  target_link_libraries(veil_phonenumber INTERFACE
    -Wl,--start-group ${veil_phonenumber_paths} -Wl,--end-group PkgConfig::ICU)
else()
  find_library(PHONENUMBER_LIBRARY phonenumber REQUIRED)
  pkg_check_modules(PROTOBUF REQUIRED IMPORTED_TARGET protobuf)
  target_link_libraries(veil_phonenumber INTERFACE
    ${PHONENUMBER_LIBRARY} PkgConfig::PROTOBUF)
endif()

# Vectorscan (libhs) lets one pass over a text rule out most regexes. It is
# optional: without it the keyword prefilter alone picks the rules to run,
# with the same findings, slower.
option(VEIL_VECTORSCAN "Use Vectorscan (libhs) in the scanner prefilter" ON)
if(VEIL_VECTORSCAN)
  pkg_check_modules(HS IMPORTED_TARGET libhs)
  if(NOT HS_FOUND)
    message(STATUS "veil: libhs not found, building without Vectorscan")
  endif()
endif()

add_library(veil_deps INTERFACE)
target_link_libraries(veil_deps INTERFACE
  CLI11::CLI11 nlohmann_json::nlohmann_json tomlplusplus::tomlplusplus
  simdjson::simdjson OpenSSL::Crypto ZLIB::ZLIB veil_re2 PkgConfig::ZSTD
  veil_phonenumber Threads::Threads)
if(VEIL_VECTORSCAN AND HS_FOUND)
  target_link_libraries(veil_deps INTERFACE PkgConfig::HS)
  target_compile_definitions(veil_deps INTERFACE VEIL_HAVE_VECTORSCAN=1)
endif()
