#include "alignkit/config/settings.hpp"

#include "alignkit/config/loader.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace alignkit {

namespace fs = std::filesystem;

bool is_fixed_severity(Code code)
{
    switch (code) {
    case Code::path_not_found:
    case Code::file_unreadable:
    case Code::not_utf8:
    case Code::binary_file:
    case Code::file_too_large:
    case Code::yaml_syntax:
    case Code::too_deep:
    case Code::too_many_nodes:
    case Code::no_config_files:
        return true;
    default:
        return false;
    }
}

bool is_settings_name(std::string_view path)
{
    const auto slash = path.find_last_of('/');
    const auto name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    return std::find(k_settings_names.begin(), k_settings_names.end(), name) != k_settings_names.end();
}

std::optional<fs::path> find_settings_file(const fs::path& folder)
{
    std::error_code ec;
    fs::path at = fs::absolute(folder, ec);
    if (ec) {
        return std::nullopt;
    }
    for (;;) {
        for (const auto name : k_settings_names) {
            if (fs::is_regular_file(at / name, ec)) {
                return at / name;
            }
        }
        if (!at.has_relative_path()) {
            return std::nullopt; // the root, searched
        }
        at = at.parent_path();
    }
}

Settings read_settings_file(const std::string& path)
{
    Diagnostics diags;
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        Settings settings;
        settings.path = path;
        settings.diagnostics.add(Code::path_not_found, path, {},
                                 fmt::format("the settings file '{}' does not exist", path));
        return settings;
    }
    const auto text = read_config_file(path, diags);
    Settings settings = text ? parse_settings(*text, path) : Settings{};
    settings.path = path;
    if (text) {
        settings.read = true;
        settings.text = *text;
    }
    diags.append(settings.diagnostics);
    settings.diagnostics = std::move(diags);
    return settings;
}

} // namespace alignkit
