#include "common.hpp"
#include "temp_files.hpp"

#include "alignkit/config/loader.hpp"
#include "alignkit/findings/validate_report.hpp"
#include "alignkit/util/csv.hpp"
#include "alignkit/util/text.hpp"

#include <algorithm>
#include <thread>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <map>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace alignkit::cli {

void add_global_options(CLI::App& app, GlobalOptions& options)
{
    const std::map<std::string, ColorMode> modes{
        {"auto", ColorMode::auto_detect}, {"always", ColorMode::always}, {"never", ColorMode::never}};
    app.add_option("--color", options.color,
                   "Colour output: auto (on a terminal, unless NO_COLOR is set), always, never")
        ->transform(CLI::CheckedTransformer(modes, CLI::ignore_case))
        ->option_text("auto|always|never");
    app.add_flag("-q,--quiet", options.quiet, "Print only the findings, no summary");
}

bool wants_color(const GlobalOptions& options, int fd)
{
    switch (options.color) {
    case ColorMode::always:
        return true;
    case ColorMode::never:
        return false;
    case ColorMode::auto_detect: {
        const char* no_color = std::getenv("NO_COLOR");
        const char* term = std::getenv("TERM");
        return (no_color == nullptr || *no_color == '\0') && isatty(fd) != 0 &&
               !(term != nullptr && std::string_view(term) == "dumb");
    }
    }
    return false;
}

namespace {

// Where an output goes. A new or regular file is written to a temporary file beside it and
// renamed over it at the end, so it is whole or not there at all. Anything else is written in
// place: a terminal, a pipe, a FIFO, /dev/stdout, and a symlink (written through, so the link
// stays a link; as root, renaming over /dev/stdout would replace the system's link).
struct Destination {
    int fd = -1;
    std::string temp; // empty when written in place
    mode_t mode = 0;  // what the file is given: the target's, for one that exists
};

// The mode a new output gets: what the shell would give it (umask applied), or owner-only.
mode_t new_file_mode(bool private_file)
{
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return (private_file ? 0600 : 0666) & ~mask;
}

Destination open_destination(const std::string& path, bool private_file)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    // A file the user may not write is not replaced, although the folder would allow it.
    struct stat existing {};
    const bool exists = ::stat(path.c_str(), &existing) == 0;
    if (exists && S_ISREG(existing.st_mode) && ::access(path.c_str(), W_OK) != 0) {
        throw std::runtime_error("cannot write '" + path + "': " + std::strerror(errno));
    }
    const auto link = fs::symlink_status(path, ec);
    if (!ec && fs::exists(link) && (fs::is_symlink(link) || !fs::is_regular_file(link))) {
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
        if (fd < 0) {
            throw std::runtime_error("cannot write '" + path + "': " + std::strerror(errno));
        }
        return {fd, {}, 0};
    }
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string temp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = mkstemp(temp.data());
    if (fd < 0) {
        throw std::runtime_error("cannot write '" + path + "': " + std::strerror(errno));
    }
    register_temporary(temp);
    // A file that is replaced keeps its permissions (a private report stays private).
    const mode_t mode = exists && S_ISREG(existing.st_mode) ? existing.st_mode & 07777 : new_file_mode(private_file);
    return {fd, std::move(temp), mode};
}

// Removes a temporary file that will not be put in place.
void discard(const Destination& d)
{
    if (!d.temp.empty()) {
        std::remove(d.temp.c_str());
        unregister_temporary(d.temp);
    }
}

void write_all(int fd, std::string_view text, const std::string& path)
{
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            throw std::runtime_error("cannot write '" + path + "': " + std::strerror(errno));
        }
        written += static_cast<std::size_t>(n);
    }
}

// Closes the destination and, for a temporary file, puts it in place (flushed to disk first
// when `sync`); on failure nothing is left behind.
void finish_destination(const Destination& d, const std::string& path, bool sync)
{
    if (d.temp.empty()) {
        if (::close(d.fd) != 0) {
            throw std::runtime_error("cannot write '" + path + "': " + std::strerror(errno));
        }
        return;
    }
    if (::fchmod(d.fd, d.mode) != 0 || (sync && ::fsync(d.fd) != 0) || ::close(d.fd) != 0 ||
        std::rename(d.temp.c_str(), path.c_str()) != 0) {
        const int error = errno;
        discard(d);
        throw std::runtime_error("cannot write '" + path + "': " + std::strerror(error));
    }
    unregister_temporary(d.temp);
}

} // namespace

void write_output(const std::string& path, std::string_view content, bool private_file)
{
    if (path.empty() || path == "-") {
        std::cout.write(content.data(), static_cast<std::streamsize>(content.size()));
        std::cout.flush();
        if (!std::cout) {
            throw std::runtime_error("cannot write to standard output");
        }
        return;
    }
    const Destination d = open_destination(path, private_file);
    try {
        write_all(d.fd, content, path);
    } catch (...) {
        ::close(d.fd);
        discard(d);
        throw;
    }
    finish_destination(d, path, true);
}

StreamingOutput::StreamingOutput(std::string path) : m_path(std::move(path))
{
    if (m_path.empty() || m_path == "-") {
        return;
    }
    const Destination d = open_destination(m_path, false);
    m_fd = d.fd;
    m_temp = d.temp;
    m_mode = d.mode;
}

StreamingOutput::~StreamingOutput()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        discard({m_fd, m_temp, m_mode});
    }
}

void StreamingOutput::write(std::string_view text)
{
    m_buffer += text;
    if (m_buffer.size() >= (1U << 20)) {
        flush();
    }
}

void StreamingOutput::flush()
{
    if (m_fd < 0) {
        std::cout.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
        m_buffer.clear();
        if (!std::cout) {
            throw std::runtime_error("cannot write to standard output");
        }
        return;
    }
    write_all(m_fd, m_buffer, m_path);
    m_buffer.clear();
}

void StreamingOutput::commit()
{
    flush();
    if (m_fd < 0) {
        std::cout.flush();
        return;
    }
    const Destination d{m_fd, m_temp, m_mode};
    m_fd = -1;
    finish_destination(d, m_path, false);
}

int write_new_output(std::string_view command, const std::string& path, bool force, std::string_view content)
{
    std::error_code ec;
    if (!path.empty() && path != "-" && std::filesystem::exists(path, ec) && !force) {
        std::cerr << "alignkit " << command << ": '" << path << "' already exists; use --force to replace it\n";
        return exit_failure;
    }
    write_output(path, content);
    return exit_ok;
}

std::string read_stdin(std::size_t limit)
{
    // Stop one byte past the limit: enough for the loader to say the input is too large,
    // without reading an endless stream.
    std::string text;
    char buffer[65536];
    while (text.size() <= limit) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, stdin);
        text.append(buffer, n);
        if (n < sizeof buffer) {
            break;
        }
    }
    if (std::ferror(stdin) != 0) {
        throw std::runtime_error("cannot read standard input");
    }
    return text;
}

std::optional<int> load_valid_configs(const std::vector<std::string>& paths, Date as_of, const GlobalOptions& global,
                                      ValidationResult& result)
{
    std::optional<std::string> stdin_text;
    if (std::find(paths.begin(), paths.end(), "-") != paths.end()) {
        stdin_text = read_stdin(k_max_config_bytes);
    }
    ValidateOptions options;
    options.checks.as_of = as_of;
    options.jobs = std::max(1u, std::thread::hardware_concurrency());
    result = validate_paths(paths, stdin_text, options);
    if (!result.diagnostics.has_errors()) {
        return std::nullopt;
    }
    TextOptions text;
    text.summary = !global.quiet;
    text.color = wants_color(global, STDERR_FILENO);
    std::cerr << render_text(result, text);
    return has_input_failure(result) ? exit_failure : exit_findings;
}

const Document* named_document(const ValidationResult& loaded, Kind kind, std::string_view command)
{
    std::string error;
    const Document* found = find_one_document(loaded, kind, error);
    if (found == nullptr) {
        std::cerr << "alignkit " << command << ": " << terminal_safe(error) << "\n";
    }
    return found;
}

std::string non_empty(const std::string& text) { return text.empty() ? "the value is empty" : std::string{}; }

std::string job_count(const std::string& text)
{
    unsigned n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || end != text.data() + text.size() || n < 1 || n > 256) {
        return "'" + text + "' is not a number of jobs from 1 to 256";
    }
    return {};
}

std::string percentage(const std::string& text)
{
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value) || value < 0 || value > 100) {
        return "'" + text + "' is not a percentage from 0 to 100";
    }
    return {};
}

bool open_csv_input(const std::string& path, std::string_view command, std::ifstream& file)
{
    if (path == "-") {
        return true;
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        std::cerr << "alignkit " << command << ": '" << terminal_safe(path, false) << "' is a folder, not a CSV file\n";
        return false;
    }
    file.open(path, std::ios::binary);
    if (!file) {
        std::cerr << "alignkit " << command << ": cannot read '" << terminal_safe(path, false)
                  << "': " << std::strerror(errno) << "\n";
        return false;
    }
    return true;
}

bool same_file(const std::string& a, const std::string& b)
{
    if (a.empty() || b.empty() || a == "-" || b == "-") {
        return false;
    }
    std::error_code ec;
    if (std::filesystem::equivalent(a, b, ec)) {
        return true;
    }
    std::error_code ec_a, ec_b;
    const auto path_a = std::filesystem::weakly_canonical(a, ec_a), path_b = std::filesystem::weakly_canonical(b, ec_b);
    return !ec_a && !ec_b && path_a == path_b;
}

std::optional<std::vector<std::string>> read_csv_header(const std::string& path, std::string_view command)
{
    std::ifstream file;
    if (!open_csv_input(path, command, file)) {
        return std::nullopt;
    }
    CsvReader reader(path == "-" ? std::cin : file);
    CsvRecord record;
    if (!reader.next(record)) {
        std::cerr << "alignkit " << command << ": '" << terminal_safe(path, false) << "' has no header\n";
        return std::nullopt;
    }
    return std::move(record.fields);
}

Date today()
{
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm local{};
    localtime_r(&now, &local);
    return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::optional<Date> parse_as_of(const std::string& text) { return parse_date(text); }

} // namespace alignkit::cli
