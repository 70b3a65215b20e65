/* collab communities: the communities found, each with its size, most central members, internal
 * density and, for credits, dominant roles and year span. Shares its driver with `report`. */
#include "cli.h"

static const char *const communities_usage =
    "usage: collab communities [options] FILE\n\n"
    "Detects communities in FILE's graph (Leiden by default, seeded) and reports the modularity\n"
    "and, per community (numbered by size, largest first), its size, most central members (by\n"
    "--sort, default betweenness), internal density and, for credits, dominant roles and years.\n\n"
    "Options:\n"
    "      --top N                  communities to show (default 20)\n"
    "      --all                    show every community\n"
    "      --sort METRIC            metric ranking the members shown\n"
    "      --format table|csv|json|md  output format (default table)\n"
    "  -o, --output FILE            write to FILE (atomically) instead of standard output\n"
    "  -h, --help                   show this help\n";

int cmd_communities(int argc, char **argv)
{
    return cli_report_main(argc, argv, communities_usage);
}
