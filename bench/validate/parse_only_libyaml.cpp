// The floor of the parser alignkit uses: read every *.yaml file under a folder and run
// libyaml's parser over it, events only, on one thread, doing nothing else.
// usage: parse_only_libyaml FOLDER

#include "config_files.hpp"

#include <cstdio>
#include <yaml.h>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: parse_only_libyaml FOLDER\n");
        return 2;
    }
    const auto files = config_files(argv[1]);
    std::size_t events = 0;
    for (const auto& file : files) {
        const std::string text = read_text(file);
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
