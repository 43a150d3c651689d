#pragma once
// What every command shares: global options, exit codes, output files, colour.

#include "alignkit/findings/validate.hpp"
#include "alignkit/util/date.hpp"

#include <CLI/CLI.hpp>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

namespace alignkit::cli {

// The exit status of every command (PRODUCT.md).
enum ExitCode : int {
    exit_ok = 0,
    exit_findings = 1, // the input was read but fails its checks
    exit_failure = 2,  // the command could not do its job
};

enum class ColorMode { auto_detect, always, never };

struct GlobalOptions {
    ColorMode color = ColorMode::auto_detect;
    bool quiet = false;
};

void add_global_options(CLI::App& app, GlobalOptions& options);

// Whether to colour what goes to the stream `fd` (STDOUT_FILENO, STDERR_FILENO): --color, and
// for auto a terminal, unless NO_COLOR is set or TERM is dumb. The one place this is decided.
bool wants_color(const GlobalOptions& options, int fd);

// Writes `content` to `path`, or to standard output when `path` is empty or "-". A file is
// written whole or not at all (temporary file, then rename), keeps the permissions it had,
// and is not replaced when the user may not write it; a new one gets 0666 less the umask, or
// 0600 when `private_file`. Throws std::runtime_error with a message naming the path when
// it cannot.
void write_output(const std::string& path, std::string_view content, bool private_file = false);

// An output written in pieces (a large CSV) that still lands whole or not at all: to a
// temporary file beside `path`, renamed into place by commit(); standard output for "" or
// "-". Throws std::runtime_error naming the path when it cannot write.
class StreamingOutput {
  public:
    explicit StreamingOutput(std::string path);
    StreamingOutput(const StreamingOutput&) = delete;
    StreamingOutput& operator=(const StreamingOutput&) = delete;
    ~StreamingOutput(); // an output never committed is removed

    void write(std::string_view text);
    void commit();

  private:
    void flush();
    std::string m_path;
    std::string m_temp;
    int m_fd = -1;
    unsigned m_mode = 0;
    std::string m_buffer;
};

// For `init` commands: writes `content` like write_output, but refuses (with a message
// naming `command`, returning exit_failure) to replace an existing file unless `force`.
int write_new_output(std::string_view command, const std::string& path, bool force, std::string_view content);

// Reads standard input, up to a little more than `limit` bytes. Throws std::runtime_error
// when it cannot.
std::string read_stdin(std::size_t limit);

// Loads configs for a command that needs them valid (glossary, leads, sla): on any error,
// prints the findings to standard error and returns the exit status to end with;
// otherwise returns nullopt and fills `result`.
std::optional<int> load_valid_configs(const std::vector<std::string>& paths, Date as_of, const GlobalOptions& global,
                                      ValidationResult& result);

// The one document of `kind` in the files the user named (find_one_document), or nullptr
// after saying why on standard error as "alignkit <command>: ...".
const Document* named_document(const ValidationResult& loaded, Kind kind, std::string_view command);

// Opens a CSV input (an export, a costs file) for reading; "-" is standard input and leaves
// `file` closed. False after saying why on standard error as "alignkit <command>: ...": a
// folder, a missing file, no permission.
bool open_csv_input(const std::string& path, std::string_view command, std::ifstream& file);

// Whether two paths name the same file (one that exists, or would be made); "-" is no file.
bool same_file(const std::string& a, const std::string& b);

// The header of a CSV export ("-": standard input), for a query over a table with its columns;
// nullopt after saying why as open_csv_input does, or that the file has no header.
std::optional<std::vector<std::string>> read_csv_header(const std::string& path, std::string_view command);

// Today's date in the local time zone: the default of --as-of.
Date today();

// CLI11 checks shared by options: a value given must not be empty (`--as-of ''` said nothing
// and was taken as "not given"), and a count of jobs is a whole number from 1 to 256.
std::string non_empty(const std::string& text);
std::string job_count(const std::string& text);
// A percentage: a finite number from 0 to 100 (nan and inf are not).
std::string percentage(const std::string& text);

// A CLI11 validator/transform for `--as-of YYYY-MM-DD`.
std::optional<Date> parse_as_of(const std::string& text);

} // namespace alignkit::cli
