#include "alignkit/findings/validate.hpp"
#include "alignkit/util/path_patterns.hpp"
#include "alignkit/util/text.hpp"

#include "alignkit/config/loader.hpp"
#include "config/document_index.hpp"
#include "findings/levels.hpp"
#include "findings/suppressions.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <set>
#include <thread>

namespace alignkit {
namespace {

namespace fs = std::filesystem;

struct Input {
    std::string path;
    bool from_stdin = false;
    bool referenced = false;
    bool walked = false; // found in a folder, not named
};

// Whether a YAML file means to be an alignkit config: some document says `apiVersion:
// alignkit/...` or names a kind alignkit has (either, so that a typo in one is still
// reported). Workflows, compose files and Kubernetes manifests say neither.
bool declares_alignkit(std::string_view text)
{
    auto values_of = [&](std::string_view key, auto&& accept) {
        for (auto at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
            auto rest = text.substr(at + key.size());
            const auto colon = rest.find_first_not_of("\"' \t");
            if (colon == std::string_view::npos || rest[colon] != ':') {
                continue;
            }
            rest = rest.substr(colon + 1);
            const auto value = rest.find_first_not_of("\"' \t");
            if (value != std::string_view::npos && accept(rest.substr(value))) {
                return true;
            }
        }
        return false;
    };
    return values_of("apiVersion", [](std::string_view v) { return v.starts_with("alignkit/"); }) ||
           values_of("kind", [](std::string_view v) {
               const auto names = enum_names<Kind>();
               return std::any_of(names.begin(), names.end(), [&](std::string_view kind) {
                   return v.starts_with(kind) &&
                          (v.size() == kind.size() ||
                           std::string_view(" \t\r\n\"',}#").find(v[kind.size()]) != std::string_view::npos);
               });
           });
}

// What a walk of `root` leaves out: its .alignkitignore, then the command line's --exclude
// patterns, both read as .gitignore lines relative to `root`.
PathPatterns exclusions(const fs::path& root, const std::vector<std::string>& patterns)
{
    PathPatterns out;
    std::ifstream ignore(root / ".alignkitignore", std::ios::binary);
    std::string text;
    char buffer[4096];
    while (ignore && text.size() < k_max_config_bytes && (ignore.read(buffer, sizeof buffer) || ignore.gcount() > 0)) {
        text.append(buffer, static_cast<std::size_t>(ignore.gcount()));
    }
    out.add_lines(text);
    for (const auto& p : patterns) {
        out.add(p);
    }
    return out;
}

// The settings file's excludes, which are relative to its folder: they apply to every path
// below it, named or found in a folder.
class SettingsExcludes {
  public:
    explicit SettingsExcludes(const Settings* settings)
    {
        if (settings == nullptr || settings->path.empty() || settings->exclude.empty()) {
            return;
        }
        for (const auto& line : settings->exclude) {
            m_patterns.add(line);
        }
        std::error_code ec;
        m_folder = fs::absolute(fs::path(settings->path), ec).parent_path().lexically_normal();
        m_active = !ec && !m_patterns.empty();
    }

    // `path` relative to the settings folder, with `/` between its parts ("" for the folder
    // itself), or nullopt when it is not below it.
    std::optional<std::string> relative(const fs::path& path) const
    {
        if (!m_active) {
            return std::nullopt;
        }
        std::error_code ec;
        const auto rel = fs::absolute(path, ec).lexically_normal().lexically_relative(m_folder);
        if (ec || rel.empty() || *rel.begin() == "..") {
            return std::nullopt;
        }
        auto text = rel.generic_string();
        return text == "." ? std::string{} : text;
    }

    // Whether the path `relative` gives, or a folder it is in, is left out.
    bool excluded(const std::string& relative, bool folder) const
    {
        for (std::size_t slash = relative.find('/'); slash != std::string::npos;
             slash = relative.find('/', slash + 1)) {
            if (m_patterns.excluded(std::string_view(relative).substr(0, slash), true)) {
                return true;
            }
        }
        return !relative.empty() && m_patterns.excluded(relative, folder);
    }

    bool excluded(const std::string& prefix, const fs::path& below, bool folder) const
    {
        const auto rel = below.generic_string();
        return m_patterns.excluded(prefix.empty() ? rel : prefix + "/" + rel, folder);
    }

  private:
    PathPatterns m_patterns;
    fs::path m_folder;
    bool m_active = false;
};

// Expands the command line into files, reporting paths that do not exist. What the settings
// file excludes is listed in `left_out`.
std::vector<Input> collect(const std::vector<std::string>& paths, const ValidateOptions& options, Diagnostics& diags,
                           std::vector<std::string>& empty_folders, std::vector<std::string>& left_out)
{
    const SettingsExcludes settings(options.settings);
    std::vector<Input> inputs;
    for (const auto& path : paths) {
        if (path == "-") {
            inputs.push_back({std::string(k_stdin_name), true});
            continue;
        }
        std::error_code ec;
        auto status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            diags.add(Code::path_not_found, path, {}, fmt::format("'{}' does not exist", path));
            continue;
        }
        const auto in_settings = settings.relative(path);
        if (in_settings && settings.excluded(*in_settings, fs::is_directory(status))) {
            left_out.push_back(path);
            continue;
        }
        if (fs::is_regular_file(status)) {
            inputs.push_back({path, false, false, options.only_configs});
            continue;
        }
        if (!fs::is_directory(status)) {
            // Reading a pipe or a device could block forever or never end.
            diags.add(Code::file_unreadable, path, {}, fmt::format("'{}' is not a regular file or a folder", path),
                      "pass configs as files, or '-' to read standard input");
            continue;
        }
        std::vector<std::string> found;
        const auto excluded = exclusions(path, options.exclude);
        auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const auto& file = it->path();
            const bool folder = it->is_directory(ec);
            const auto below = file.lexically_relative(path);
            if (excluded.excluded(below.generic_string(), folder) ||
                (in_settings && settings.excluded(*in_settings, below, folder))) {
                if (folder) {
                    it.disable_recursion_pending(); // nothing inside is looked at
                }
                continue;
            }
            auto ext = file.extension();
            if ((ext == ".yaml" || ext == ".yml") && it->is_regular_file(ec)) {
                found.push_back(file.generic_string());
            }
        }
        if (ec) {
            diags.add(Code::file_unreadable, path, {}, fmt::format("cannot list '{}': {}", path, ec.message()));
        }
        std::sort(found.begin(), found.end());
        if (found.empty() && !ec) {
            empty_folders.push_back(path);
        }
        for (auto& file : found) {
            inputs.push_back({std::move(file), false, false, true});
        }
    }
    return inputs;
}

struct Loaded {
    SourceFile file;
    std::vector<Document> documents;
    Diagnostics diagnostics;
    bool foreign = false;        // found in a folder and not an alignkit config: skipped
    bool found_settings = false; // a settings file found in a folder: checked, yet no config checked
};

Loaded load(const Input& input, const std::optional<std::string>& stdin_text)
{
    Loaded out;
    out.file.path = input.path;
    out.file.referenced = input.referenced;
    std::optional<std::string> text =
        input.from_stdin ? stdin_text.value_or(std::string{}) : read_config_file(input.path, out.diagnostics);
    if (text && is_settings_name(input.path) && !input.from_stdin) {
        // A settings file is checked as what it is, found in a folder or named.
        out.found_settings = input.walked;
        auto settings = parse_settings(*text, input.path);
        out.diagnostics.append(settings.diagnostics);
        out.file.text = std::move(*text);
        return out;
    }
    if (text && input.walked && !declares_alignkit(*text)) {
        out.foreign = true;
        return out;
    }
    if (text) {
        out.file.text = std::move(*text);
        out.documents = parse_config(out.file.text, input.path, out.diagnostics);
        out.file.documents = out.documents.size();
    }
    return out;
}

// Loads inputs on up to `jobs` threads; results keep the input order.
std::vector<Loaded> load_all(const std::vector<Input>& inputs, const std::optional<std::string>& stdin_text,
                             unsigned jobs)
{
    std::vector<Loaded> results(inputs.size());
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < inputs.size(); i = next++) {
            results[i] = load(inputs[i], stdin_text);
        }
    };
    const unsigned threads = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(inputs.size())));
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) {
        pool.emplace_back(worker);
    }
    worker();
    return results;
}

// Files that documents name by relative path and that were not given: read them too.
std::vector<Input> referenced_files(const std::vector<Document>& documents, const std::set<std::string>& known)
{
    std::vector<Input> more;
    std::set<std::string> queued;
    auto consider = [&](const Document& from, const std::string& ref) {
        if (!is_path_reference(ref)) {
            return;
        }
        auto path = referenced_path(from.file, ref);
        std::error_code ec;
        if (!known.contains(path) && fs::is_regular_file(path, ec) && queued.insert(path).second) {
            // Named relative to where the user stands, as the files they gave are.
            more.push_back({fs::proximate(path, ec).generic_string(), false, true});
        }
    };
    for (const auto& doc : documents) {
        if (const auto* r = std::get_if<Response>(&doc.spec)) {
            consider(doc, r->questionnaire.value);
        } else if (const auto* sla = std::get_if<ServiceLevelAgreement>(&doc.spec)) {
            consider(doc, sla->leads.value);
            for (const auto& g : sla->glossaries) {
                consider(doc, g.value);
            }
        }
    }
    return more;
}

} // namespace

ValidationResult validate_paths(const std::vector<std::string>& paths, const std::optional<std::string>& stdin_text,
                                const ValidateOptions& options)
{
    ValidationResult result;
    result.as_of = options.checks.as_of;
    std::vector<std::string> empty_folders;
    std::vector<Input> inputs = collect(paths, options, result.diagnostics, empty_folders, result.excluded);
    std::set<std::string> known;
    std::size_t configs = 0; // files checked, less settings files found in folders
    while (!inputs.empty()) {
        std::vector<Document> new_documents;
        for (auto& loaded : load_all(inputs, stdin_text, options.jobs)) {
            if (loaded.foreign) {
                result.skipped.push_back(std::move(loaded.file.path));
                continue;
            }
            if (!known.insert(canonical_path(loaded.file.path)).second) {
                continue; // named twice, or named and found in a folder: checked once
            }
            configs += loaded.found_settings ? 0 : 1;
            result.diagnostics.append(loaded.diagnostics);
            result.files.push_back(std::move(loaded.file));
            for (auto& doc : loaded.documents) {
                new_documents.push_back(std::move(doc));
            }
        }
        inputs = referenced_files(new_documents, known);
        for (auto& doc : new_documents) {
            result.documents.push_back(std::move(doc));
        }
    }
    // A folder without configs is a warning; a gate that checked nothing at all must not pass,
    // so then it is an error and the run could not do its job.
    // A settings file found in a folder is no config checked; one named is what was asked for.
    const bool nothing_checked = !paths.empty() && configs == 0 && !has_input_failure(result) &&
                                 !(options.only_configs && (!result.skipped.empty() || !result.excluded.empty()));
    const std::string settings_excludes = options.settings != nullptr && !options.settings->exclude.empty()
                                              ? fmt::format(", the exclude of {}", options.settings->path)
                                              : std::string{};
    for (const auto& folder : empty_folders) {
        result.diagnostics
            .add(Code::no_config_files, folder, {}, fmt::format("no *.yaml or *.yml files in '{}'", folder),
                 fmt::format("check the folder, the --exclude patterns{} and its .alignkitignore", settings_excludes))
            .severity = nothing_checked ? Severity::error : Severity::warning;
    }
    if (nothing_checked && empty_folders.empty()) {
        auto quoted = [](const std::vector<std::string>& paths_of, std::string_view last) {
            return quoted_list(std::vector<std::string_view>(paths_of.begin(), paths_of.end()), last);
        };
        std::string hint;
        if (!result.excluded.empty()) {
            hint = fmt::format("the exclude of {} leaves out {}; --no-config checks {} anyway", options.settings->path,
                               quoted(result.excluded, "and"), result.excluded.size() == 1 ? "it" : "them");
        } else if (!result.skipped.empty()) {
            hint = fmt::format("{} YAML file{} skipped: no document says 'apiVersion: alignkit/...' or names an "
                               "alignkit kind; name a file to check it anyway",
                               result.skipped.size(), result.skipped.size() == 1 ? " was" : "s were");
        } else {
            hint = fmt::format("every YAML file is left out: check the --exclude patterns{} and .alignkitignore",
                               settings_excludes);
        }
        result.diagnostics
            .add(Code::no_config_files, paths.front(), {},
                 fmt::format("no configs found under {}", quoted(paths, "or")), hint)
            .severity = Severity::error;
    }
    check_documents(result.documents, options.checks, result.diagnostics);
    if (options.more_checks) {
        options.more_checks(result.documents, options.checks, result.diagnostics);
    }
    if (const auto* settings = options.settings; settings != nullptr && !settings->path.empty()) {
        // The settings file in effect is a file of the run: its problems are findings.
        result.settings = settings->path;
        result.links = settings->sarif;
        if (!known.contains(canonical_path(settings->path))) {
            result.diagnostics.append(settings->diagnostics);
            if (settings->read) {
                result.files.push_back({settings->path, settings->text, 0, true});
            }
        }
    }
    apply_suppressions(result);
    if (options.settings != nullptr) {
        apply_levels(*options.settings, result);
    }

    // Deterministic order: files as given, then by position within a file.
    std::vector<std::string> file_order;
    for (const auto& file : result.files) {
        file_order.push_back(file.path);
    }
    result.diagnostics.sort(file_order);
    return result;
}

const Document* find_one_document(const ValidationResult& result, Kind kind, std::string& error)
{
    std::set<std::string_view> named;
    for (const auto& file : result.files) {
        if (!file.referenced) {
            named.insert(file.path);
        }
    }
    std::vector<const Document*> found;
    for (const auto& doc : result.documents) {
        if (doc.kind == kind && doc.has_spec() && named.contains(doc.file)) {
            found.push_back(&doc);
        }
    }
    if (found.size() == 1) {
        return found.front();
    }
    if (found.empty()) {
        std::vector<std::string_view> files(named.begin(), named.end());
        error = files.size() == 1 ? fmt::format("'{}' holds no {}", files.front(), to_string(kind))
                                  : fmt::format("{} hold no {}", quoted_list(files, "and"), to_string(kind));
        return nullptr;
    }
    std::vector<std::string> where;
    where.reserve(found.size());
    for (const auto* doc : found) {
        where.push_back(fmt::format("'{}' ({}:{})", doc->metadata.name.value, doc->file, doc->pos.line));
    }
    error = fmt::format("{} {} documents where one was expected: {}; pass the file that holds the one you mean",
                        found.size(), to_string(kind), fmt::join(where, ", "));
    return nullptr;
}

bool has_input_failure(const ValidationResult& result)
{
    return std::any_of(result.diagnostics.all().begin(), result.diagnostics.all().end(), [](const Diagnostic& d) {
        return d.code == Code::path_not_found || d.code == Code::file_unreadable ||
               (d.code == Code::no_config_files && d.severity == Severity::error);
    });
}

} // namespace alignkit
