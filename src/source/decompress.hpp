// Decoders stacked on a ByteSource when its first bytes are gzip or zstd
// magic (the extension is never trusted). Both stream through fixed buffers
// and write straight into the caller's buffer, so a decompression bomb costs
// time, not memory. Bad data throws
// InputError("NAME: gzip: truncated or corrupt input") (or "zstd: ...").
#pragma once

#include "source/peek_source.hpp"

#include <string>
#include <string_view>

namespace veil {

enum class Compression { none, gzip, zstd };

// Decides from the leading bytes. more_needed is set when head is a strict
// prefix of some magic number, so the answer could change with more bytes.
Compression detect_compression(std::string_view head, bool& more_needed);

// Returns source itself when it is not compressed, else a decoder over it.
std::unique_ptr<ByteSource>
decode_if_compressed(std::unique_ptr<PeekSource> source,
                     const std::string& name);

std::unique_ptr<ByteSource> make_gzip_source(std::unique_ptr<ByteSource> raw,
                                             const std::string& name);
std::unique_ptr<ByteSource> make_zstd_source(std::unique_ptr<ByteSource> raw,
                                             const std::string& name);

} // namespace veil
