// The baseline of bench/validate: read every *.yaml file under a folder and parse it with
// yaml-cpp, on one thread, doing nothing else. alignkit validate cannot be faster than this.
// usage: parse_only FOLDER

#include "config_files.hpp"

#include <cstdio>
#include <yaml-cpp/yaml.h>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: parse_only FOLDER\n");
        return 2;
    }
    const auto files = config_files(argv[1]);
    std::size_t documents = 0;
    for (const auto& file : files) {
        documents += YAML::LoadAll(read_text(file)).size();
    }
    std::printf("parsed %zu files, %zu documents\n", files.size(), documents);
    return 0;
}
