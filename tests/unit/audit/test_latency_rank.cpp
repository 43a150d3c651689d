#include "audit/latency_rank.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <functional>
#include <limits>
#include <random>

using namespace alignkit;

namespace {

// Both methods' figures computed the plain way: sort, then index.
Latency sorted_figures(std::vector<std::int32_t> values, Quantiles method)
{
    std::sort(values.begin(), values.end());
    Latency l;
    l.n = static_cast<std::int64_t>(values.size());
    auto at = [&](std::int64_t rank) { return static_cast<double>(values[static_cast<std::size_t>(rank)]); };
    auto figure = [&](std::int64_t p) {
        if (method == Quantiles::nearest) {
            return at(std::max<std::int64_t>((p * l.n + 99) / 100, 1) - 1);
        }
        const double h = static_cast<double>(l.n - 1) * static_cast<double>(p) / 100.0;
        const auto low = static_cast<std::int64_t>(h);
        return low + 1 < l.n ? at(low) + (at(low + 1) - at(low)) * (h - static_cast<double>(low)) : at(low);
    };
    l.median = figure(50);
    l.p90 = figure(90);
    return l;
}

} // namespace

TEST_CASE("Percentiles by counting agree with a sort on lists of every shape")
{
    std::mt19937 rng(20261201);
    auto uniform = [&](std::int64_t lo, std::int64_t hi) {
        return static_cast<std::int32_t>(std::uniform_int_distribution<std::int64_t>(lo, hi)(rng));
    };
    constexpr auto lowest = std::numeric_limits<std::int32_t>::min(),
                   highest = std::numeric_limits<std::int32_t>::max();
    struct Shape {
        const char* name;
        std::function<std::int32_t()> draw;
    };
    const std::vector<Shape> shapes{
        {"whole days", [&] { return uniform(0, 400) * 86400; }},
        {"seconds over a month", [&] { return uniform(-3600, 31 * 86400); }},
        {"all of 32 bits", [&] { return uniform(lowest, highest); }},
        {"the extremes only", [&] { return uniform(0, 1) != 0 ? highest : lowest; }},
        {"one value", [] { return 7200; }},
        {"a cluster and an outlier", [&] { return uniform(0, 999) == 0 ? highest : uniform(0, 3); }},
    };
    for (const auto& shape : shapes) {
        for (const std::size_t n : {1U, 2U, 3U, 10U, 4095U, 4096U, 4097U, 50'000U, 300'001U}) {
            std::vector<std::int32_t> values(n);
            std::generate(values.begin(), values.end(), shape.draw);
            // Split in uneven lists, some empty, as the owners' lists are.
            std::vector<std::vector<std::int32_t>> parts(4);
            for (std::size_t i = 0; i < n; ++i) {
                parts[i % 7 < 4 ? 0 : i % 7 < 6 ? 2 : 3].push_back(values[i]);
            }
            std::vector<const std::vector<std::int32_t>*> lists;
            for (const auto& part : parts) {
                lists.push_back(&part);
            }
            for (const auto method : {Quantiles::nearest, Quantiles::linear}) {
                CAPTURE(shape.name);
                CAPTURE(n);
                const auto expected = sorted_figures(values, method);
                const auto one = percentiles(values, method);
                const auto across = percentiles_across(lists, method);
                CHECK(one.n == expected.n);
                CHECK(*one.median == doctest::Approx(*expected.median).epsilon(1e-12));
                CHECK(*one.p90 == doctest::Approx(*expected.p90).epsilon(1e-12));
                CHECK(across.n == expected.n);
                CHECK(*across.median == doctest::Approx(*expected.median).epsilon(1e-12));
                CHECK(*across.p90 == doctest::Approx(*expected.p90).epsilon(1e-12));
            }
        }
    }
    CHECK(percentiles(std::vector<std::int32_t>{}, Quantiles::nearest).n == 0);
}
