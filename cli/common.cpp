#include "common.hpp"

#include "alignkit/loader.hpp"
#include "alignkit/validate_report.hpp"

#include <algorithm>
#include <thread>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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

bool stdout_wants_color(const GlobalOptions& options)
{
    switch (options.color) {
    case ColorMode::always:
        return true;
    case ColorMode::never:
        return false;
    case ColorMode::auto_detect: {
        const char* no_color = std::getenv("NO_COLOR");
        const char* term = std::getenv("TERM");
        return (no_color == nullptr || *no_color == '\0') && isatty(STDOUT_FILENO) != 0 &&
               !(term != nullptr && std::string_view(term) == "dumb");
    }
    }
    return false;
}

void write_output(const std::string& path, std::string_view content)
{
    namespace fs = std::filesystem;
    if (path.empty() || path == "-") {
        std::cout.write(content.data(), static_cast<std::streamsize>(content.size()));
        std::cout.flush();
        if (!std::cout) {
            throw std::runtime_error("cannot write to standard output");
        }
        return;
    }
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string pattern = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    int fd = mkstemp(pattern.data());
    if (fd < 0) {
        throw std::runtime_error("cannot write '" + path + "': " + std::strerror(errno));
    }
    auto fail = [&](int error) {
        ::close(fd);
        std::remove(pattern.c_str());
        throw std::runtime_error("cannot write '" + path + "': " + std::strerror(error));
    };
    std::size_t written = 0;
    while (written < content.size()) {
        ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            fail(errno);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) {
        fail(errno);
    }
    if (::close(fd) != 0) {
        std::remove(pattern.c_str());
        throw std::runtime_error("cannot write '" + path + "': " + std::strerror(errno));
    }
    if (std::rename(pattern.c_str(), path.c_str()) != 0) {
        int error = errno;
        std::remove(pattern.c_str());
        throw std::runtime_error("cannot write '" + path + "': " + std::strerror(error));
    }
}

StreamingOutput::StreamingOutput(std::string path) : m_path(std::move(path))
{
    if (m_path.empty() || m_path == "-") {
        return;
    }
    namespace fs = std::filesystem;
    const fs::path target(m_path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    m_temp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    m_fd = mkstemp(m_temp.data());
    if (m_fd < 0) {
        throw std::runtime_error("cannot write '" + m_path + "': " + std::strerror(errno));
    }
}

StreamingOutput::~StreamingOutput()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        std::remove(m_temp.c_str());
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
    std::size_t written = 0;
    while (written < m_buffer.size()) {
        ssize_t n = ::write(m_fd, m_buffer.data() + written, m_buffer.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            throw std::runtime_error("cannot write '" + m_path + "': " + std::strerror(errno));
        }
        written += static_cast<std::size_t>(n);
    }
    m_buffer.clear();
}

void StreamingOutput::commit()
{
    flush();
    if (m_fd < 0) {
        std::cout.flush();
        return;
    }
    const int fd = m_fd;
    m_fd = -1;
    if (::fchmod(fd, 0644) != 0 || ::close(fd) != 0 || std::rename(m_temp.c_str(), m_path.c_str()) != 0) {
        const int error = errno;
        std::remove(m_temp.c_str());
        throw std::runtime_error("cannot write '" + m_path + "': " + std::strerror(error));
    }
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
    const char* no_color = std::getenv("NO_COLOR");
    text.color =
        global.color == ColorMode::always || (global.color == ColorMode::auto_detect &&
                                              (no_color == nullptr || *no_color == '\0') && isatty(STDERR_FILENO) != 0);
    std::cerr << render_text(result, text);
    return has_input_failure(result) ? exit_failure : exit_findings;
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
