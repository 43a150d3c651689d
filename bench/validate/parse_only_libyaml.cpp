// The floor of the parser alignkit uses: read every *.yaml file under a folder and run
// libyaml's parser over it, events only, on one thread, doing nothing else.
// usage: parse_only_libyaml FOLDER

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include <yaml.h>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: parse_only_libyaml FOLDER\n");
        return 2;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1])) {
        if (entry.path().extension() == ".yaml") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::size_t events = 0;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        const std::string text = buffer.str();
        yaml_parser_t parser;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
        for (bool done = false; !done;) {
            yaml_event_t event;
            if (yaml_parser_parse(&parser, &event) == 0) {
                std::fprintf(stderr, "%s: syntax error\n", file.c_str());
                return 1;
            }
            done = event.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&event);
            ++events;
        }
        yaml_parser_delete(&parser);
    }
    std::printf("parsed %zu files, %zu events\n", files.size(), events);
    return 0;
}
