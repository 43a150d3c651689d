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

// Order statistics of lists taken as one, by counting rather than sorting or reordering: the
// values' range cut into buckets of a power-of-two width, a count per bucket (one pass), then
// the bucket holding the rank. That bucket is the value itself when its width is one;
// otherwise its values are selected among when they are few, or its range is cut again (a
// value has 32 bits, so three cuts at most). Latencies from dates alone are whole days, and
// one day's values fill a bucket of the second cut: a pass a cut, no copies.
class RankSelector {
  public:
    explicit RankSelector(const std::vector<const std::vector<std::int32_t>*>& lists) : m_lists(lists)
    {
        for (const auto* list : lists) {
            m_n += static_cast<std::int64_t>(list->size());
            for (const auto v : *list) {
                m_lo = std::min<std::int64_t>(m_lo, v);
                m_hi = std::max<std::int64_t>(m_hi, v);
            }
        }
        if (m_n > k_few) {
            m_first = count(m_lo, m_hi);
        }
    }
    [[nodiscard]] std::int64_t size() const { return m_n; }

    // The value at 0-based `rank` in ascending order, for 0 <= rank < size().
    std::int64_t at(std::int64_t rank)
    {
        if (m_n <= k_few) {
            return among(rank, m_lo, m_hi);
        }
        Cut cut = m_first;
        std::int64_t lo = m_lo;
        for (;;) {
            std::size_t bucket = 0;
            while (rank >= cut.counts[bucket]) {
                rank -= cut.counts[bucket++];
            }
            lo += static_cast<std::int64_t>(bucket) << cut.shift;
            const std::int64_t hi = lo + (std::int64_t{1} << cut.shift) - 1;
            if (cut.shift == 0) {
                return lo;
            }
            if (cut.counts[bucket] <= k_few) {
                return among(rank, lo, hi);
            }
            cut = count(lo, hi);
        }
    }

  private:
    // Few enough values to copy and select among directly.
    static constexpr std::int64_t k_few = 4096;
    static constexpr int k_bucket_bits = 16;
    struct Cut {
        int shift = 0;
        std::vector<std::int64_t> counts;
    };

    // Counts of the values in [lo, hi], in at most 2^k_bucket_bits buckets.
    Cut count(std::int64_t lo, std::int64_t hi) const
    {
        Cut cut;
        const auto span = static_cast<std::uint64_t>(hi - lo);
        while ((span >> cut.shift) >= (std::uint64_t{1} << k_bucket_bits)) {
            ++cut.shift;
        }
        cut.counts.assign((span >> cut.shift) + 1, 0);
        for (const auto* list : m_lists) {
            for (const auto v : *list) {
                const auto d = static_cast<std::uint64_t>(v - lo);
                if (d <= span) {
                    ++cut.counts[d >> cut.shift];
                }
            }
        }
        return cut;
    }

    // The value at `rank` among those in [lo, hi], copied out and selected among.
    std::int64_t among(std::int64_t rank, std::int64_t lo, std::int64_t hi) const
    {
        std::vector<std::int32_t> in_range;
        for (const auto* list : m_lists) {
            for (const auto v : *list) {
                if (v >= lo && v <= hi) {
                    in_range.push_back(v);
                }
            }
        }
        const auto nth = in_range.begin() + static_cast<std::ptrdiff_t>(rank);
        std::nth_element(in_range.begin(), nth, in_range.end());
        return *nth;
    }

    const std::vector<const std::vector<std::int32_t>*>& m_lists;
    std::int64_t m_n = 0;
    std::int64_t m_lo = std::numeric_limits<std::int64_t>::max(), m_hi = std::numeric_limits<std::int64_t>::min();
    Cut m_first;
};

} // namespace

Latency percentiles_across(const std::vector<const std::vector<std::int32_t>*>& lists, Quantiles method)
{
    RankSelector select(lists);
    Latency l;
    l.n = select.size();
    if (l.n == 0) {
        return l;
    }
    auto at = [&](std::int64_t rank) { return select.at(rank); };
    l.p90 = percentile(90, l.n, method, at);
    l.median = percentile(50, l.n, method, at);
    return l;
}

Latency percentiles(const std::vector<std::int32_t>& values, Quantiles method)
{
    return percentiles_across({&values}, method);
}

} // namespace alignkit
