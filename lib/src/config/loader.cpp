#include "alignkit/config/loader.hpp"
#include "alignkit/config/settings.hpp"
#include "alignkit/util/date.hpp"

#include "alignkit/util/text.hpp"
#include "config/build_model.hpp"
#include "config/declarations.hpp"
#include "config/shape_check.hpp"
#include "config/yaml_tree.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <vector>

namespace alignkit {
namespace {

// Values one document may expand to: far beyond any hand-written config, far below what
// an alias bomb would need to hurt.
constexpr std::size_t k_value_budget = 250'000;

// An upper bound on how deep the YAML nests, found without parsing: block indentation
// levels, compact "- " entries, and flow brackets outside quotes and comments. It lets us
// refuse hostile input before the parser recurses into it.
// Returns the offset where the nesting first goes past `limit`, if it does.
std::optional<std::size_t> too_deep_at(std::string_view text, int limit)
{
    std::vector<std::size_t> indents;
    int flow = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view line = text.substr(pos, end - pos);
        std::size_t indent = line.find_first_not_of(' ');
        if (indent != std::string_view::npos && line[indent] != '#') {
            // "- - - x" nests one level per dash.
            while (indent + 1 < line.size() && (line[indent] == '-' || line[indent] == '?') &&
                   line[indent + 1] == ' ') {
                indent = line.find_first_not_of(' ', indent + 1);
                if (indent == std::string_view::npos) {
                    indent = line.size();
                    break;
                }
                while (!indents.empty() && indents.back() >= indent) {
                    indents.pop_back();
                }
                indents.push_back(indent);
            }
            while (!indents.empty() && indents.back() > indent) {
                indents.pop_back();
            }
            if (indents.empty() || indents.back() < indent) {
                indents.push_back(indent);
            }
            if (static_cast<int>(indents.size()) + flow > limit) {
                return pos + indent;
            }
            char quote = 0;
            for (std::size_t i = indent; i < line.size(); ++i) {
                const char c = line[i];
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '#' && (i == 0 || line[i - 1] == ' ')) {
                    break;
                } else if (c == '[' || c == '{') {
                    if (static_cast<int>(indents.size()) + ++flow > limit) {
                        return pos + i;
                    }
                } else if ((c == ']' || c == '}') && flow > 0) {
                    --flow;
                }
            }
        }
        pos = end + 1;
    }
    return std::nullopt;
}

// The checks that must pass before the text is handed to the YAML parser.
bool precheck(std::string_view text, const std::string& file, Diagnostics& diags)
{
    if (text.size() > k_max_config_bytes) {
        diags.add(
            Code::file_too_large, file, {},
            fmt::format("the file is {} bytes; configs may be at most {} bytes", text.size(), k_max_config_bytes));
        return false;
    }
    if (auto nul = text.find('\0'); nul != std::string_view::npos) {
        diags.add(Code::binary_file, file, position_of(text, nul),
                  "the file contains a NUL byte; it is not a text file");
        return false;
    }
    if (auto bad = first_invalid_utf8(text)) {
        diags.add(Code::not_utf8, file, position_of(text, *bad),
                  fmt::format("byte 0x{:02X} is not valid UTF-8", static_cast<unsigned char>(text[*bad])),
                  "save the file as UTF-8");
        return false;
    }
    if (auto deep = too_deep_at(text, k_max_nesting)) {
        diags.add(Code::too_deep, file, position_of(text, *deep),
                  fmt::format("the document nests deeper than {} levels", k_max_nesting));
        return false;
    }
    return true;
}

// Checks apiVersion and kind; returns the kind when the document can be read further.
std::optional<Kind> read_envelope(const yaml::Node& node, const std::string& file, Diagnostics& diags)
{
    if (!node.is_map()) {
        diags.add(Code::not_a_mapping, file, node.pos,
                  fmt::format("a document must be a mapping, found {}", yaml::describe(node)),
                  "start the document with 'apiVersion: alignkit/v1' and 'kind: ...'");
        return std::nullopt;
    }
    auto api = yaml::child(node, "apiVersion");
    auto kind = yaml::child(node, "kind");
    bool ok = true;
    if (!api) {
        diags.add(Code::missing_key, file, node.pos, "the document is missing 'apiVersion'",
                  "add 'apiVersion: alignkit/v1'");
        ok = false;
    } else if (!api->is_scalar() || api->value != k_api_version) {
        diags.add(Code::bad_api_version, file, api->pos, fmt::format("unsupported apiVersion {}", yaml::describe(*api)),
                  fmt::format("this alignkit reads '{}'", k_api_version));
        ok = false;
    }
    std::optional<Kind> result;
    if (!kind) {
        diags.add(Code::missing_key, file, node.pos, "the document is missing 'kind'",
                  "add 'kind:' with one of " + quoted_list(enum_names<Kind>()));
        ok = false;
    } else if (result = kind->is_scalar() ? parse_enum<Kind>(kind->value) : std::nullopt; !result) {
        auto hint = kind->is_scalar() ? did_you_mean(kind->value, enum_names<Kind>()) : std::string{};
        diags.add(Code::unknown_kind, file, kind->pos, fmt::format("unknown kind {}", yaml::describe(*kind)),
                  hint.empty() ? "use one of " + quoted_list(enum_names<Kind>()) : hint);
        ok = false;
    }
    return ok ? result : std::nullopt;
}

void read_document(const yaml::Node& node, const std::string& file, Diagnostics& diags, yaml::Tree& tree,
                   std::vector<Document>& out)
{
    auto kind = read_envelope(node, file, diags);
    if (!kind) {
        return;
    }
    ShapeContext ctx{file, diags, k_value_budget, false, {}};
    const bool shape_ok = check_shape(node, decl::document_type(*kind), ctx);

    Document doc;
    doc.file = file;
    doc.pos = node.pos;
    doc.kind = *kind;
    auto metadata = yaml::child(node, "metadata");
    if (metadata && metadata->is_map()) {
        doc.metadata = build_metadata(*metadata);
    }
    if (!shape_ok) {
        const auto& metadata_type = *decl::document_type(*kind).field("metadata")->type;
        const auto* name = metadata && metadata->is_map() ? yaml::child(*metadata, "name") : nullptr;
        doc.name_broken = name == nullptr || fitting_part(*name, *metadata_type.field("name")->type, tree) == nullptr;
    }
    const auto* spec = yaml::child(node, "spec");
    if (shape_ok) {
        doc.spec = build_spec(*kind, *spec);
    } else if (spec != nullptr && !ctx.budget_exhausted) {
        // The rest of a document with shape errors is still checked, so one run shows all
        // (not of one that expands beyond the budget: it is refused whole).
        if (const auto* part = fitting_part(*spec, *decl::document_type(*kind).field("spec")->type, tree)) {
            doc.partial_spec = std::make_shared<const Document::Spec>(build_spec(*kind, *part));
        }
    }
    if (!doc.metadata.name.value.empty() || doc.has_spec() || doc.partial_spec || doc.name_broken) {
        out.push_back(std::move(doc));
    }
}

} // namespace

std::vector<Document> parse_config(std::string_view text, std::string_view file_name, Diagnostics& diags)
{
    const std::string file(file_name);
    std::vector<Document> documents;
    if (!precheck(text, file, diags)) {
        return documents;
    }
    yaml::Tree tree;
    yaml::parse(text, tree);
    // Documents before a syntax error are complete: check them too.
    for (const auto* node : tree.documents) {
        read_document(*node, file, diags, tree, documents);
    }
    if (tree.error) {
        diags.add(Code::yaml_syntax, file, tree.error->pos, tree.error->message);
    } else if (tree.documents.empty()) {
        diags.add(Code::empty_file, file, {}, "the file holds no YAML document");
    }
    return documents;
}

std::optional<std::string> read_config_file(const std::string& path, Diagnostics& diags)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        diags.add(Code::file_unreadable, path, {}, fmt::format("'{}' is a folder, not a file", path));
        return std::nullopt;
    }
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > k_max_config_bytes) {
        diags.add(Code::file_too_large, path, {},
                  fmt::format("the file is {} bytes; configs may be at most {} bytes", size, k_max_config_bytes));
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.add(Code::file_unreadable, path, {}, fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
        return std::nullopt;
    }
    std::string text;
    // Read in bounded chunks: a FIFO or device reports no size but may never end.
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > k_max_config_bytes) {
            diags.add(Code::file_too_large, path, {},
                      fmt::format("the file is larger than {} bytes, the most a config may be", k_max_config_bytes));
            return std::nullopt;
        }
    }
    if (in.bad()) {
        diags.add(Code::file_unreadable, path, {}, fmt::format("cannot read '{}'", path));
        return std::nullopt;
    }
    return text;
}

Settings parse_settings(std::string_view text, std::string_view file_name)
{
    Settings settings;
    settings.path = std::string(file_name);
    auto& diags = settings.diagnostics;
    const std::string& file = settings.path;
    if (!precheck(text, file, diags)) {
        return settings;
    }
    yaml::Tree tree;
    yaml::parse(text, tree);
    if (tree.error) {
        diags.add(Code::yaml_syntax, file, tree.error->pos, tree.error->message);
        return settings;
    }
    if (tree.documents.empty() || tree.documents.front()->is_null()) {
        return settings; // an empty settings file says nothing, and that is allowed
    }
    if (tree.documents.size() > 1) {
        diags.add(Code::conflicting_keys, file, tree.documents[1]->pos,
                  fmt::format("the settings file holds {} documents; only the first is read", tree.documents.size()),
                  "put every setting in the first document and remove the '---' lines");
    }
    const yaml::Node& root = *tree.documents.front();
    ShapeContext ctx{file, diags, k_value_budget, false, {}};
    check_shape(root, decl::settings_type(), ctx);
    if (!root.is_map()) {
        return settings;
    }
    // What the shape check let through applies; each wrong part was reported above.
    if (const auto* severity = yaml::child(root, "severity"); severity && severity->is_map()) {
        std::vector<std::string_view> ids;
        for (const auto& c : all_codes()) {
            ids.push_back(c.id);
        }
        for (const auto& [key, value] : severity->entries) {
            if (!key->is_scalar() || !value->is_scalar()) {
                continue;
            }
            const auto level = std::find(decl::k_levels.begin(), decl::k_levels.end(), value->value);
            const auto code = parse_code(key->value);
            if (!code) {
                const auto hint = did_you_mean(key->value, ids);
                diags.add(Code::unknown_id, file, key->pos, fmt::format("unknown code {}", yaml::describe(*key)),
                          hint.empty() ? "codes look like AK3015; `alignkit explain` lists them all" : hint);
            } else if (is_fixed_severity(*code)) {
                diags.add(Code::invalid_enum, file, key->pos,
                          fmt::format("{} cannot be set: it says the input could not be read, so nothing was "
                                      "checked",
                                      info(*code).id),
                          "remove this line; fix the input instead");
            } else if (level != decl::k_levels.end()) {
                const auto at = static_cast<std::size_t>(level - decl::k_levels.begin());
                constexpr std::array<Severity, 3> k_severities{Severity::error, Severity::warning, Severity::info};
                settings.levels.push_back(
                    {*code, at < k_severities.size() ? std::optional<Severity>(k_severities[at]) : std::nullopt});
            }
        }
    }
    if (const auto* exclude = yaml::child(root, "exclude"); exclude && exclude->is_sequence()) {
        for (const auto* item : exclude->items) {
            if (item->is_scalar() && !item->value.empty()) {
                settings.exclude.push_back(item->value);
            }
        }
    }
    if (const auto* as_of = yaml::child(root, "as_of"); as_of && as_of->is_scalar()) {
        settings.as_of = parse_date(as_of->value);
    }
    if (const auto* sarif = yaml::child(root, "sarif"); sarif && sarif->is_map()) {
        auto link = [&](std::string_view key, std::string& to) {
            const auto* value = yaml::child(*sarif, key);
            if (value == nullptr || !value->is_scalar()) {
                return;
            }
            const auto& uri = value->value;
            // Code scanning follows the link: an address a browser opens, without spaces.
            const bool web = (uri.starts_with("https://") || uri.starts_with("http://")) &&
                             uri.find_first_of(" \t\r\n\"<>") == std::string::npos && uri.size() > uri.find("//") + 2;
            if (!web) {
                diags.add(Code::invalid_name, file, value->pos,
                          fmt::format("'sarif.{}' is not an http(s) address: {}", key, yaml::describe(*value)),
                          "write an address such as https://wiki.example.com/alignkit/{code}");
                return;
            }
            to = uri;
        };
        link("information_uri", settings.sarif.information_uri);
        link("help_uri", settings.sarif.help_uri);
    }
    return settings;
}

} // namespace alignkit
