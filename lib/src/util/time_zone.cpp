#include "alignkit/util/time_zone.hpp"

#include <date/tz.h>
#include <fmt/format.h>

namespace alignkit {
namespace {

const date::time_zone& zone_of(const void* zone) { return *static_cast<const date::time_zone*>(zone); }

// No zone changes its offset twice within a day, so a reading this far inside a period of
// the same rules cannot belong to another.
constexpr std::int64_t k_margin = 86400;

} // namespace

std::optional<TimeZone> TimeZone::locate(std::string_view name, std::string& error)
{
    TimeZone zone;
    try {
        zone.m_zone = date::locate_zone(name);
    } catch (const std::exception& e) {
        error = fmt::format("unknown time zone '{}' ({})", name, e.what());
        return std::nullopt;
    }
    zone.m_name = std::string(name);
    zone.rules_at(0);
    return zone;
}

void TimeZone::rules_at(std::int64_t utc)
{
    const auto info = zone_of(m_zone).get_info(date::sys_seconds{std::chrono::seconds{utc}});
    m_begin = info.begin.time_since_epoch().count();
    m_end = info.end.time_since_epoch().count();
    m_offset = info.offset.count();
}

std::int64_t TimeZone::to_utc(std::int64_t local)
{
    if (const auto guess = local - m_offset; guess - k_margin >= m_begin && guess + k_margin < m_end) {
        return guess;
    }
    const auto info = zone_of(m_zone).get_info(date::local_seconds{std::chrono::seconds{local}});
    // unique: its offset; nonexistent: the offset before the gap, which lands past it by the
    // gap's length; ambiguous: the first (earlier) offset.
    const auto utc = local - info.first.offset.count();
    rules_at(utc);
    return utc;
}

std::int64_t TimeZone::to_local(std::int64_t utc)
{
    if (utc < m_begin || utc >= m_end) {
        rules_at(utc);
    }
    return utc + m_offset;
}

} // namespace alignkit
