#include "config/document_index.hpp"

#include "alignkit/model/references.hpp"

#include "alignkit/util/text.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <vector>

namespace alignkit {
namespace fs = std::filesystem;

bool is_path_reference(std::string_view ref) { return ref.ends_with(".yaml") || ref.ends_with(".yml"); }

std::string canonical_path(std::string_view path)
{
    std::error_code ec;
    auto absolute = fs::absolute(fs::path(path), ec);
    if (ec) {
        return fs::path(path).lexically_normal().generic_string();
    }
    auto canonical = fs::weakly_canonical(absolute, ec);
    return (ec ? absolute.lexically_normal() : canonical).generic_string();
}

std::string referenced_path(std::string_view from_file, std::string_view ref)
{
    fs::path base = fs::path(from_file).parent_path();
    return canonical_path((base / fs::path(ref)).generic_string());
}

DocumentIndex::DocumentIndex(std::span<const Document> documents) : m_documents(documents)
{
    // A file's canonical path asks the file system at each step: once per file, not per
    // document (20,000 documents in one file).
    std::string_view last_file;
    std::string last_path;
    for (const auto& doc : documents) {
        m_by_name.try_emplace({doc.kind, doc.metadata.name.value}, &doc);
        if (last_path.empty() || doc.file != last_file) {
            last_file = doc.file;
            last_path = canonical_path(doc.file);
        }
        m_by_file.try_emplace({doc.kind, last_path}, &doc);
        if (doc.name_broken) {
            m_name_broken.insert(doc.kind);
        }
    }
}

const Document* DocumentIndex::resolve(const Located<std::string>& ref, Kind kind, const Document& from,
                                       Diagnostics& diags) const
{
    const std::string& text = ref.value;
    std::string_view name = text;
    bool by_path = is_path_reference(text);
    if (auto slash = text.find('/'); !by_path && slash != std::string::npos) {
        auto written_kind = parse_enum<Kind>(std::string_view(text).substr(0, slash));
        if (written_kind && *written_kind != kind) {
            diags.add(Code::unresolved_reference, from.file, ref.pos,
                      fmt::format("'{}' names a {}, but a {} is expected here", text, to_string(*written_kind),
                                  to_string(kind)));
            return nullptr;
        }
        if (written_kind) {
            name = std::string_view(text).substr(slash + 1);
        }
    }
    const std::string path = by_path ? referenced_path(from.file, text) : std::string{};
    if (by_path) {
        if (auto it = m_by_file.find({kind, path}); it != m_by_file.end()) {
            return it->second;
        }
    } else if (auto it = m_by_name.find({kind, name}); it != m_by_name.end()) {
        return it->second;
    } else if (m_name_broken.contains(kind)) {
        return nullptr; // perhaps the document whose name is broken: that is reported already
    }
    // Not found: only now gather the names, for the hint.
    auto& [names, speller] = m_spellers[kind];
    if (!speller) {
        for (const auto& [key, doc] : m_by_name) {
            if (key.first == kind) {
                names.push_back(key.second);
            }
        }
        speller = std::make_unique<Speller>(names);
    }
    std::string hint;
    if (by_path) {
        std::error_code ec;
        hint = fmt::format("no {} was read from '{}'", to_string(kind), fs::proximate(path, ec).generic_string());
    } else {
        hint = speller->did_you_mean(name);
        if (hint.empty()) {
            hint =
                fmt::format("pass the file that defines the {} too, or refer to it by relative path", to_string(kind));
        }
    }
    diags
        .add(Code::unresolved_reference, from.file, ref.pos,
             fmt::format("no {} named '{}' among the documents checked", to_string(kind), text), std::move(hint))
        .length = static_cast<int>(text.size());
    return nullptr;
}

} // namespace alignkit

namespace alignkit {

const Document* resolve_reference(std::span<const Document> documents, const Document& from,
                                  const Located<std::string>& ref, Kind kind)
{
    Diagnostics ignored;
    return DocumentIndex(documents).resolve(ref, kind, from, ignored);
}

} // namespace alignkit
