#pragma once
// Finds the document a reference names: `name`, `Kind/name`, or a relative file path.

#include "alignkit/config/diagnostics.hpp"
#include "alignkit/model/document.hpp"

#include "alignkit/util/text.hpp"

#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace alignkit {

class DocumentIndex {
  public:
    // Indexes the documents by kind and name and by file, so each lookup is a map search.
    explicit DocumentIndex(std::span<const Document> documents);

    // The document of `kind` that `ref` (written in `from`) names, or nullptr after
    // reporting AK2002 with the closest name as a hint.
    const Document* resolve(const Located<std::string>& ref, Kind kind, const Document& from, Diagnostics& diags) const;

    std::span<const Document> all() const { return m_documents; }

  private:
    std::span<const Document> m_documents;
    std::map<std::pair<Kind, std::string_view>, const Document*> m_by_name; // the first of each name
    std::map<std::pair<Kind, std::string>, const Document*> m_by_file;      // the first in each file
    std::set<Kind> m_name_broken; // kinds with a document whose name is missing or does not fit
    // The names of each kind for hints, made at the first reference that names none: many
    // unresolved references among many documents then cost linear time.
    mutable std::map<Kind, std::pair<std::vector<std::string_view>, std::unique_ptr<Speller>>> m_spellers;
};

// True when a reference is written as a file path rather than a name.
bool is_path_reference(std::string_view ref);
// One spelling per file, so "a/../b.yaml", "./b.yaml" and "/abs/b.yaml" compare equal:
// absolute, with symbolic links and dot segments resolved as far as the file exists.
std::string canonical_path(std::string_view path);

// The file a path reference written in `from_file` points at, in canonical form.
std::string referenced_path(std::string_view from_file, std::string_view ref);

} // namespace alignkit
