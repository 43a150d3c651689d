#include "audit/latency_rank.hpp"

#include <algorithm>
#include <limits>

namespace alignkit {
namespace {

// The 0-based rank of nearest rank's p-th percentile.
std::int64_t nearest(std::int64_t p, std::int64_t n) { return std::max<std::int64_t>((p * n + 99) / 100, 1) - 1; }

// The p-th percentile from the values at 0-based ranks, asked through `at` (which may be
// called for a rank and then the next).
template <class ValueAt> double percentile(std::int64_t p, std::int64_t n, Quantiles method, ValueAt at)
{
    if (method == Quantiles::nearest) {
        return static_cast<double>(at(nearest(p, n)));
    }
    // h = (n - 1) p / 100, 0-based, kept exact in integers: its whole part and remainder.
    const std::int64_t scaled = (n - 1) * p;
    const std::int64_t low = scaled / 100, rest = scaled % 100;
    const auto a = static_cast<double>(at(low));
    if (rest == 0) {
        return a;
    }
    const auto b = static_cast<double>(at(low + 1));
    return a + (b - a) * static_cast<double>(rest) / 100.0;
}

} // namespace

Latency percentiles(std::vector<std::int32_t>& values, Quantiles method)
{
    Latency l;
    l.n = static_cast<std::int64_t>(values.size());
    if (values.empty()) {
        return l;
    }
    // Order statistics, not a sort. Each rank asked for is put in place among values[0, end):
    // nearest rank asks the 90th's rank first and then the median's, which lies below it, so
    // the second search runs among the values before the first's.
    auto end = values.end();
    auto at = [&](std::int64_t rank) {
        const auto nth = values.begin() + static_cast<std::ptrdiff_t>(rank);
        std::nth_element(values.begin(), nth, end);
        return static_cast<std::int64_t>(*nth);
    };
    l.p90 = percentile(90, l.n, method, at);
    if (method == Quantiles::nearest) {
        end = values.begin() + static_cast<std::ptrdiff_t>(nearest(90, l.n)) + 1;
    }
    l.median = percentile(50, l.n, method, at);
    return l;
}

// The same ranks over several lists taken as one, in two passes and without copying them
// (they hold a value per lead): the smallest and largest values, then a count of values per
// bucket of 65,536 equal ranges between them; the buckets holding the ranks are then few values,
// selected among exactly as above.
Latency percentiles_across(const std::vector<const std::vector<std::int32_t>*>& lists, Quantiles method)
{
    Latency l;
    std::int64_t lo = std::numeric_limits<std::int64_t>::max(), hi = std::numeric_limits<std::int64_t>::min();
    for (const auto* list : lists) {
        l.n += static_cast<std::int64_t>(list->size());
        for (const auto v : *list) {
            lo = std::min<std::int64_t>(lo, v);
            hi = std::max<std::int64_t>(hi, v);
        }
    }
    if (l.n == 0) {
        return l;
    }
    constexpr std::int64_t k_buckets = 1 << 16;
    const std::int64_t width = (hi - lo) / k_buckets + 1;
    std::vector<std::int64_t> counts(k_buckets);
    for (const auto* list : lists) {
        for (const auto v : *list) {
            ++counts[static_cast<std::size_t>((v - lo) / width)];
        }
    }
    auto at = [&](std::int64_t rank) {
        std::int64_t before = 0;
        std::size_t bucket = 0;
        while (before + counts[bucket] <= rank) {
            before += counts[bucket++];
        }
        std::vector<std::int32_t> in_bucket;
        in_bucket.reserve(static_cast<std::size_t>(counts[bucket]));
        for (const auto* list : lists) {
            for (const auto v : *list) {
                if (static_cast<std::size_t>((v - lo) / width) == bucket) {
                    in_bucket.push_back(v);
                }
            }
        }
        const auto nth = in_bucket.begin() + (rank - before);
        std::nth_element(in_bucket.begin(), nth, in_bucket.end());
        return static_cast<std::int64_t>(*nth);
    };
    l.p90 = percentile(90, l.n, method, at);
    l.median = percentile(50, l.n, method, at);
    return l;
}

} // namespace alignkit
