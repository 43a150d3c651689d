// SHA-256 from nettle (Debian nettle-dev): reports name each input with its digest, so a
// signed report can be traced to its data.

#include "alignkit/util/sha256.hpp"

#include <array>
#include <fmt/format.h>
#include <nettle/sha2.h>

namespace alignkit {

std::string sha256_hex(std::string_view data)
{
    sha256_ctx ctx{};
    sha256_init(&ctx);
    // nettle takes lengths as size_t and bytes as uint8_t: a string's bytes, read as they are.
    sha256_update(&ctx, data.size(), reinterpret_cast<const std::uint8_t*>(data.data()));
    std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
    sha256_digest(&ctx, digest.size(), digest.data());
    std::string out;
    out.reserve(2 * digest.size());
    for (const auto byte : digest) {
        out += fmt::format("{:02x}", byte);
    }
    return out;
}

} // namespace alignkit
