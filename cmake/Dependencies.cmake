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
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)

# libphonenumber (phone validation) ships no pkg-config or CMake file in
# Debian; its headers pull in protobuf, so link that too.
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
find_library(PHONENUMBER_LIBRARY phonenumber REQUIRED)
pkg_check_modules(PROTOBUF REQUIRED IMPORTED_TARGET protobuf)
add_library(veil_phonenumber INTERFACE)
target_include_directories(veil_phonenumber SYSTEM INTERFACE
  ${PHONENUMBER_INCLUDE_DIR})
target_link_libraries(veil_phonenumber INTERFACE
  ${PHONENUMBER_LIBRARY} PkgConfig::PROTOBUF)

add_library(veil_deps INTERFACE)
target_link_libraries(veil_deps INTERFACE
  CLI11::CLI11 nlohmann_json::nlohmann_json tomlplusplus::tomlplusplus
  simdjson::simdjson OpenSSL::Crypto ZLIB::ZLIB PkgConfig::RE2 PkgConfig::ZSTD
  veil_phonenumber Threads::Threads)
