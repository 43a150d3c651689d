// Any bytes as a config: the loader and every check must answer with diagnostics, never a
// crash, a hang or unbounded memory, and the text report must render.
#include "alignkit/checks/checks.hpp"
#include "alignkit/config/loader.hpp"
#include "alignkit/findings/validate_report.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace alignkit;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    ValidationResult result;
    result.documents = parse_config(text, "fuzz.yaml", result.diagnostics);
    check_documents(result.documents, CheckOptions{Date{2027, 1, 1}}, result.diagnostics);
    result.files.push_back({"fuzz.yaml", std::string(text), result.documents.size()});
    TextOptions options;
    (void)render(result, ValidateFormat::text, options, Date{2027, 1, 1});
    (void)render(result, ValidateFormat::sarif, options, Date{2027, 1, 1});
    return 0;
}
