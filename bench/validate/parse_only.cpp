// The baseline of bench/validate: read every *.yaml file under a folder and parse it with
// yaml-cpp, on one thread, doing nothing else. alignkit validate cannot be faster than this.
// usage: parse_only FOLDER

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: parse_only FOLDER\n");
        return 2;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1])) {
        if (entry.path().extension() == ".yaml") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::size_t documents = 0;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        documents += YAML::LoadAll(text.str()).size();
    }
    std::printf("parsed %zu files, %zu documents\n", files.size(), documents);
    return 0;
}
