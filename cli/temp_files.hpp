#pragma once
// Temporary files an output is written to before it is renamed into place. Each is removed
// when the run ends without putting it in place, also on a signal that can be caught
// (Ctrl-C, SIGTERM, SIGHUP, SIGPIPE): nothing half-written is left beside the target.

#include <string>

namespace alignkit::cli {

// Installs the signal handlers that remove registered temporary files; once, from main.
void remove_temporaries_on_signals();

// While registered, `path` is removed if a signal ends the run. At most a few outputs are
// open at once; past that a path is simply not protected.
void register_temporary(const std::string& path);
void unregister_temporary(const std::string& path);

} // namespace alignkit::cli
