#include "temp_files.hpp"

#include <array>
#include <csignal>
#include <cstring>
#include <unistd.h>

namespace alignkit::cli {
namespace {

// Fixed storage read by the signal handler: it may use only async-signal-safe calls, so no
// allocation and no locks. Paths are written by the main thread while the slot is free.
constexpr std::size_t k_slots = 8;
constexpr std::size_t k_path_max = 4096;
struct Slot {
    std::array<char, k_path_max> path{};
    volatile std::sig_atomic_t used = 0;
};
std::array<Slot, k_slots> g_slots;

constexpr std::array k_signals{SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT};

extern "C" void remove_and_reraise(int signal)
{
    for (auto& slot : g_slots) {
        if (slot.used != 0) {
            ::unlink(slot.path.data());
        }
    }
    // Die of the same signal, so the parent sees what ended the run.
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

} // namespace

void remove_temporaries_on_signals()
{
    for (const int signal : k_signals) {
        struct sigaction action {};
        action.sa_handler = remove_and_reraise;
        sigemptyset(&action.sa_mask);
        // A signal the caller ignores (nohup, a shell's background job) stays ignored.
        struct sigaction previous {};
        if (sigaction(signal, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN) {
            continue;
        }
        sigaction(signal, &action, nullptr);
    }
}

void register_temporary(const std::string& path)
{
    if (path.size() >= k_path_max) {
        return;
    }
    for (auto& slot : g_slots) {
        if (slot.used == 0) {
            std::memcpy(slot.path.data(), path.c_str(), path.size() + 1);
            slot.used = 1;
            return;
        }
    }
}

void unregister_temporary(const std::string& path)
{
    for (auto& slot : g_slots) {
        if (slot.used != 0 && path == slot.path.data()) {
            slot.used = 0;
            return;
        }
    }
}

} // namespace alignkit::cli
