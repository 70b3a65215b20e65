/* Transitional: the JSON line writer's header is now jsonline_internal.h (it is private to the
 * engine). report.c and tests/unit/test_numtext.c still include this name; once they include
 * jsonline_internal.h, delete this file. */
#include "jsonline_internal.h"
