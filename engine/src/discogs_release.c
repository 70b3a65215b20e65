/* One Discogs <release>, expanded into a small tree by the reader, into credit rows: its fields
 * first (title, labels, genres, styles, country, year, master), since they come after the
 * artists in the dump, then one row per credit and role, filtered. The release-wide columns are
 * escaped once per release, and the rows go out in one fwrite, because the whole dump is some
 * 19 million releases. */
#include "collab/alloc.h"

#include <string.h>
#include <strings.h>

#include "discogs_internal.h"

/* A release with more credits than this, or rows beyond this size, is not a release but damage:
 * the caps keep memory bounded whatever the input. */
#define MAX_CREDITS    ((size_t)1 << 20)
#define MAX_VALUES     ((size_t)1 << 16)
#define MAX_ROWS_BYTES ((size_t)1 << 30)

/* The artist id of 'Various', the placeholder of compilations: not a person. */
#define VARIOUS_ID "194"

static bool is_element(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static collab_i_span trim(const char *s, size_t len)
{
    while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) {
        s++;
        len--;
    }
    while (len > 0 &&
           (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '\r')) {
        len--;
    }
    return (collab_i_span){s, len};
}

/* Keeps a text libxml2 allocated until the release is done. */
static collab_status own(collab_i_discogs_writer *w, xmlChar *text, collab_error *err)
{
    if (text != NULL &&
        !collab_grow_array((void **)&w->owned, &w->owned_cap, w->n_owned + 1, sizeof *w->owned)) {
        xmlFree(text);
        return collab_error_nomem(err, "reading a release");
    }
    if (text != NULL) {
        w->owned[w->n_owned++] = text;
    }
    return COLLAB_OK;
}

/* The text of a node list: borrowed when it is one text node (the usual case: the parser joins
 * character references and &amp; into the text), else joined and kept in `owned`. */
static collab_status list_text(collab_i_discogs_writer *w, const xmlNode *first, collab_i_span *out,
                               collab_error *err)
{
    *out = (collab_i_span){"", 0};
    if (first == NULL) {
        return COLLAB_OK;
    }
    if (first->type == XML_TEXT_NODE && first->next == NULL && first->content != NULL) {
        const char *s = (const char *)first->content;
        *out = trim(s, strlen(s));
        return COLLAB_OK;
    }
    /* Text and CDATA joined; an entity reference (only a DTD can declare one, and the dump has
     * none) is left out rather than expanded, so nested entities cannot blow up. */
    xmlChar *joined = xmlStrdup((const xmlChar *)"");
    for (const xmlNode *n = first; n != NULL && joined != NULL; n = n->next) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content != NULL) {
            joined = xmlStrcat(joined, n->content);
        }
    }
    if (joined == NULL) {
        return collab_error_nomem(err, "reading a release");
    }
    collab_status st = own(w, joined, err);
    if (st == COLLAB_OK) {
        *out = trim((const char *)joined, strlen((const char *)joined));
    }
    return st;
}

static collab_status text_of(collab_i_discogs_writer *w, const xmlNode *element, collab_i_span *out,
                             collab_error *err)
{
    return list_text(w, element->children, out, err);
}

static collab_status attr_of(collab_i_discogs_writer *w, const xmlNode *element, const char *name,
                             collab_i_span *out, collab_error *err)
{
    for (const xmlAttr *a = element->properties; a != NULL; a = a->next) {
        if (strcmp((const char *)a->name, name) == 0) {
            return list_text(w, a->children, out, err);
        }
    }
    *out = (collab_i_span){"", 0};
    return COLLAB_OK;
}

static bool span_equal_nocase(collab_i_span a, collab_i_span b)
{
    return a.len == b.len && (a.len == 0 || strncasecmp(a.s, b.s, a.len) == 0);
}

/* Adds a label, genre or style unless the release already has it (a label listed twice with two
 * catalogue numbers is one label); values from `first` on are those of the same list. */
static collab_status add_value(collab_i_discogs_writer *w, size_t first, collab_i_span v,
                               collab_error *err)
{
    if (v.len == 0) {
        return COLLAB_OK;
    }
    for (size_t i = first; i < w->n_values; i++) {
        if (w->values[i].len == v.len && memcmp(w->values[i].s, v.s, v.len) == 0) {
            return COLLAB_OK;
        }
    }
    if (w->n_values >= MAX_VALUES) {
        return collab_error_set(err, COLLAB_E_LIMIT,
                                "a release has more than %zu labels, genres "
                                "and styles",
                                MAX_VALUES);
    }
    if (!collab_grow_array((void **)&w->values, &w->values_cap, w->n_values + 1,
                           sizeof *w->values)) {
        return collab_error_nomem(err, "reading a release");
    }
    w->values[w->n_values++] = v;
    return COLLAB_OK;
}

/* The values of the children named `item` of `list` (<genres><genre>...), or of their attribute
 * `attr` when not NULL (<labels><label name="...">). */
static collab_status add_values(collab_i_discogs_writer *w, const xmlNode *list, const char *item,
                                const char *attr, size_t *first, size_t *count, collab_error *err)
{
    *first = w->n_values;
    collab_status st = COLLAB_OK;
    for (const xmlNode *n = list->children; n != NULL && st == COLLAB_OK; n = n->next) {
        if (is_element(n, item)) {
            collab_i_span v;
            st = attr != NULL ? attr_of(w, n, attr, &v, err) : text_of(w, n, &v, err);
            if (st == COLLAB_OK) {
                st = add_value(w, *first, v, err);
            }
        }
    }
    *count = w->n_values - *first;
    return st;
}

/* The <artist> entries of an <artists> or <extraartists> list. */
static collab_status add_credits(collab_i_discogs_writer *w, const xmlNode *list, bool main,
                                 collab_i_span track, collab_error *err)
{
    collab_status st = COLLAB_OK;
    for (const xmlNode *a = list->children; a != NULL && st == COLLAB_OK; a = a->next) {
        if (!is_element(a, "artist")) {
            continue;
        }
        if (w->n_credits >= MAX_CREDITS) {
            return collab_error_set(err, COLLAB_E_LIMIT, "a release has more than %zu credits",
                                    MAX_CREDITS);
        }
        if (!collab_grow_array((void **)&w->credits, &w->credits_cap, w->n_credits + 1,
                               sizeof *w->credits)) {
            return collab_error_nomem(err, "reading a release");
        }
        collab_i_span none = {"", 0}; /* what a missing <anv> or <role> reads as */
        collab_i_discogs_credit c = {none, none, none, none, none, main};
        c.track = track;
        collab_i_span tracks = {"", 0};
        for (const xmlNode *f = a->children; f != NULL && st == COLLAB_OK; f = f->next) {
            if (f->type != XML_ELEMENT_NODE) {
                continue;
            }
            const char *n = (const char *)f->name;
            collab_i_span *to = strcmp(n, "name") == 0     ? &c.name
                                : strcmp(n, "id") == 0     ? &c.id
                                : strcmp(n, "anv") == 0    ? &c.anv
                                : strcmp(n, "role") == 0   ? &c.role
                                : strcmp(n, "tracks") == 0 ? &tracks
                                                           : NULL;
            if (to != NULL) {
                st = text_of(w, f, to, err);
            }
        }
        if (track.len == 0) { /* a release credit limited to some tracks ("A1 to A3") */
            c.track = tracks;
        }
        w->credits[w->n_credits++] = c;
    }
    return st;
}

/* The credits of each <track> of a <tracklist> or <sub_tracks>, with the track's position;
 * index tracks hold sub-tracks, read to a small depth. */
static collab_status add_tracks(collab_i_discogs_writer *w, const xmlNode *list, int depth,
                                collab_error *err)
{
    collab_status st = COLLAB_OK;
    for (const xmlNode *t = list->children; t != NULL && st == COLLAB_OK; t = t->next) {
        if (!is_element(t, "track")) {
            continue;
        }
        collab_i_span position = {"", 0};
        for (const xmlNode *f = t->children; f != NULL && st == COLLAB_OK; f = f->next) {
            if (is_element(f, "position")) {
                st = text_of(w, f, &position, err);
            }
        }
        for (const xmlNode *f = t->children; f != NULL && st == COLLAB_OK; f = f->next) {
            if (is_element(f, "artists") || is_element(f, "extraartists")) {
                st = add_credits(w, f, is_element(f, "artists"), position, err);
            } else if (is_element(f, "sub_tracks") && depth < 4) {
                st = add_tracks(w, f, depth + 1, err);
            }
        }
    }
    return st;
}

/* ---- the rows --------------------------------------------------------------------------- */

/* Grows a text buffer; false only when out of memory (the release's size is bounded by the caps
 * above and by libxml2's own limit on a text node). */
static bool grow_text(char **buf, size_t *cap, size_t need)
{
    return collab_grow_array((void **)buf, cap, need, 1);
}

/* Appends `v` as a CSV field, quoted when it holds a comma, a quote or a line end. */
static bool put_field(char **buf, size_t *len, size_t *cap, collab_i_span v)
{
    bool quote = false;
    size_t quotes = 0;
    for (size_t i = 0; i < v.len; i++) {
        char c = v.s[i];
        quote |= c == ',' || c == '"' || c == '\n' || c == '\r';
        quotes += c == '"';
    }
    if (!grow_text(buf, cap, *len + v.len + quotes + 3)) {
        return false;
    }
    char *p = *buf + *len;
    if (!quote) {
        if (v.len > 0) { /* a field the release lacks is {NULL, 0} */
            memcpy(p, v.s, v.len);
        }
        *len += v.len;
        return true;
    }
    *p++ = '"';
    for (size_t i = 0; i < v.len; i++) {
        if (v.s[i] == '"') {
            *p++ = '"';
        }
        *p++ = v.s[i];
    }
    *p++ = '"';
    *len = (size_t)(p - *buf);
    return true;
}

static bool put_text(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (!grow_text(buf, cap, *len + n + 1)) {
        return false;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    return true;
}

/* Values [first, first + count) joined by "; " as one field. */
static bool put_values(char **buf, size_t *len, size_t *cap, const collab_i_span *v, size_t count)
{
    size_t total = 0;
    for (size_t i = 0; i < count; i++) {
        total += v[i].len + 2;
    }
    char *joined = collab_malloc(total + 1);
    if (joined == NULL) {
        return false;
    }
    size_t at = 0;
    for (size_t i = 0; i < count; i++) {
        if (i > 0) {
            memcpy(joined + at, "; ", 2);
            at += 2;
        }
        memcpy(joined + at, v[i].s, v[i].len);
        at += v[i].len;
    }
    bool ok = put_field(buf, len, cap, (collab_i_span){joined, at});
    collab_free(joined);
    return ok;
}

/* The year of <released> ("1999-03-00", "1999", "" or "?"): 0 when unknown or outside the
 * loader's 1000-2999. */
static int year_of(collab_i_span r)
{
    if (r.len < 4) {
        return 0;
    }
    int y = 0;
    for (size_t i = 0; i < 4; i++) {
        if (r.s[i] < '0' || r.s[i] > '9') {
            return 0;
        }
        y = y * 10 + (r.s[i] - '0');
    }
    if (r.len > 4 && r.s[4] != '-') {
        return 0;
    }
    return y >= 1000 && y <= 2999 ? y : 0;
}

/* True when `list` (separated by `sep`, items trimmed) holds `v`, ignoring ASCII case. */
static bool list_has(const char *list, char sep, collab_i_span v)
{
    for (const char *p = list; *p != '\0';) {
        const char *end = strchr(p, sep);
        size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
        if (span_equal_nocase(trim(p, n), v)) {
            return true;
        }
        p += n + (end != NULL);
    }
    return false;
}

static bool any_in(const char *list, const collab_i_span *v, size_t count)
{
    if (list == NULL) {
        return true;
    }
    for (size_t i = 0; i < count; i++) {
        if (list_has(list, ';', v[i])) {
            return true;
        }
    }
    return false;
}

/* The fields of one release that every row repeats. */
typedef struct release_fields {
    collab_i_span id, title, country, released, master;
    bool is_main; /* <master_id is_main_release="true"> */
    size_t labels_first, n_labels, genres_first, n_genres, styles_first, n_styles;
} release_fields;

static collab_status read_fields(collab_i_discogs_writer *w, xmlNode *release, release_fields *r,
                                 collab_error *err)
{
    memset(r, 0, sizeof *r);
    collab_i_span none = {"", 0}; /* what a missing element reads as */
    r->id = r->title = r->country = r->released = r->master = none;
    collab_status st = attr_of(w, release, "id", &r->id, err);
    for (xmlNode *n = release->children; n != NULL && st == COLLAB_OK; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) {
            continue;
        }
        const char *name = (const char *)n->name;
        if (strcmp(name, "artists") == 0 || strcmp(name, "extraartists") == 0) {
            st = add_credits(w, n, name[0] == 'a', (collab_i_span){"", 0}, err);
        } else if (strcmp(name, "tracklist") == 0) {
            st = add_tracks(w, n, 0, err);
        } else if (strcmp(name, "title") == 0) {
            st = text_of(w, n, &r->title, err);
        } else if (strcmp(name, "country") == 0) {
            st = text_of(w, n, &r->country, err);
        } else if (strcmp(name, "released") == 0) {
            st = text_of(w, n, &r->released, err);
        } else if (strcmp(name, "master_id") == 0) {
            collab_i_span main_flag;
            st = text_of(w, n, &r->master, err);
            if (st == COLLAB_OK) {
                st = attr_of(w, n, "is_main_release", &main_flag, err);
            }
            r->is_main = main_flag.len == 4 && memcmp(main_flag.s, "true", 4) == 0;
        } else if (strcmp(name, "labels") == 0) {
            st = add_values(w, n, "label", "name", &r->labels_first, &r->n_labels, err);
        } else if (strcmp(name, "genres") == 0) {
            st = add_values(w, n, "genre", NULL, &r->genres_first, &r->n_genres, err);
        } else if (strcmp(name, "styles") == 0) {
            st = add_values(w, n, "style", NULL, &r->styles_first, &r->n_styles, err);
        }
    }
    return st;
}

/* The release's values from `first` on; NULL (never NULL + 0) when it has none. */
static const collab_i_span *values_at(const collab_i_discogs_writer *w, size_t first)
{
    return w->values != NULL ? w->values + first : NULL;
}

static bool release_kept(const collab_i_discogs_writer *w, const release_fields *r)
{
    const collab_discogs_options *o = w->opt;
    if (o->main_releases && r->master.len > 0 && !r->is_main) {
        return false;
    }
    if (o->year_from != 0 || o->year_to != 0) {
        int y = year_of(r->released);
        if (y == 0 || y < o->year_from || y > o->year_to) {
            return false;
        }
    }
    return any_in(o->genres, values_at(w, r->genres_first), r->n_genres) &&
           any_in(o->styles, values_at(w, r->styles_first), r->n_styles) &&
           any_in(o->labels, values_at(w, r->labels_first), r->n_labels) &&
           any_in(o->countries, &r->country, 1);
}

/* ",project,project_id" and ",year,label,genre,style,country,master_id\n", once per release. */
static bool release_columns(collab_i_discogs_writer *w, const release_fields *r)
{
    w->project_len = 0;
    w->tail_len = 0;
    char year[8] = "";
    int y = year_of(r->released);
    if (y != 0) {
        snprintf(year, sizeof year, "%d", y);
    }
    return put_text(&w->project, &w->project_len, &w->project_cap, ",", 1) &&
           put_field(&w->project, &w->project_len, &w->project_cap, r->title) &&
           put_text(&w->project, &w->project_len, &w->project_cap, ",", 1) &&
           put_field(&w->project, &w->project_len, &w->project_cap, r->id) &&
           put_text(&w->tail, &w->tail_len, &w->tail_cap, ",", 1) &&
           put_text(&w->tail, &w->tail_len, &w->tail_cap, year, strlen(year)) &&
           put_text(&w->tail, &w->tail_len, &w->tail_cap, ",", 1) &&
           put_values(&w->tail, &w->tail_len, &w->tail_cap, values_at(w, r->labels_first),
                      r->n_labels) &&
           put_text(&w->tail, &w->tail_len, &w->tail_cap, ",", 1) &&
           put_values(&w->tail, &w->tail_len, &w->tail_cap, values_at(w, r->genres_first),
                      r->n_genres) &&
           put_text(&w->tail, &w->tail_len, &w->tail_cap, ",", 1) &&
           put_values(&w->tail, &w->tail_len, &w->tail_cap, values_at(w, r->styles_first),
                      r->n_styles) &&
           put_text(&w->tail, &w->tail_len, &w->tail_cap, ",", 1) &&
           put_field(&w->tail, &w->tail_len, &w->tail_cap, r->country) &&
           put_text(&w->tail, &w->tail_len, &w->tail_cap, ",", 1) &&
           put_field(&w->tail, &w->tail_len, &w->tail_cap, r->master) &&
           put_text(&w->tail, &w->tail_len, &w->tail_cap, "\n", 1);
}

static bool put_row(collab_i_discogs_writer *w, const collab_i_discogs_credit *c,
                    collab_i_span role, collab_i_span detail)
{
    char **b = &w->rows;
    size_t *n = &w->rows_len;
    size_t *cap = &w->rows_cap;
    bool ok = put_field(b, n, cap, c->name) && put_text(b, n, cap, ",", 1) &&
              put_field(b, n, cap, c->id) && put_text(b, n, cap, ",", 1) &&
              put_field(b, n, cap, c->anv) && put_text(b, n, cap, w->project, w->project_len) &&
              put_text(b, n, cap, ",", 1) && put_field(b, n, cap, role) &&
              put_text(b, n, cap, ",", 1) && put_field(b, n, cap, detail) &&
              put_text(b, n, cap, ",", 1) && put_field(b, n, cap, c->track) &&
              put_text(b, n, cap, w->tail, w->tail_len);
    w->stats->rows += ok;
    return ok;
}

/* Why a row could not be added: the release's rows passed their cap, or memory ran out. */
static collab_status rows_error(const collab_i_discogs_writer *w, collab_error *err)
{
    if (w->rows_len > MAX_ROWS_BYTES) {
        return collab_error_set(err, COLLAB_E_LIMIT, "the rows of a release pass %zu bytes",
                                MAX_ROWS_BYTES);
    }
    return collab_error_nomem(err, "writing the rows of a release");
}

/* One role of a role list: the text outside brackets is the role, the text inside them its
 * detail ("Guitar [Acoustic] [12-String]" -> "Guitar", "Acoustic; 12-String"). */
static bool split_role(collab_i_span part, char *role, size_t *role_len, char *detail,
                       size_t *detail_len)
{
    *role_len = 0;
    *detail_len = 0;
    int depth = 0;
    for (size_t i = 0; i < part.len; i++) {
        char ch = part.s[i];
        if (ch == '[') {
            if (depth++ == 0 && *detail_len > 0) {
                memcpy(detail + *detail_len, "; ", 2);
                *detail_len += 2;
            }
            continue;
        }
        if (ch == ']' && depth > 0) {
            depth--;
            continue;
        }
        if (depth > 0) {
            detail[(*detail_len)++] = ch;
        } else {
            role[(*role_len)++] = ch;
        }
    }
    return true;
}

/* The rows of one credit: one per role of its role list (commas inside brackets do not
 * separate: "Written-By [Lyrics, Music]" is one role). */
static collab_status credit_rows(collab_i_discogs_writer *w, const collab_i_discogs_credit *c,
                                 char *role, char *detail, collab_error *err)
{
    if (c->main) {
        collab_i_span main_role = {"Main Artist", 11};
        if (w->opt->roles != NULL && !list_has(w->opt->roles, ',', main_role)) {
            return COLLAB_OK;
        }
        return put_row(w, c, main_role, (collab_i_span){"", 0}) ? COLLAB_OK : rows_error(w, err);
    }
    size_t start = 0;
    int depth = 0;
    for (size_t i = 0; i <= c->role.len; i++) {
        char ch = i < c->role.len ? c->role.s[i] : ',';
        depth += ch == '[' ? 1 : ch == ']' && depth > 0 ? -1 : 0;
        if (ch != ',' || depth > 0) {
            continue;
        }
        collab_i_span part = trim(c->role.s + start, i - start);
        start = i + 1;
        if (part.len == 0 && c->role.len > 0) {
            continue;
        }
        size_t rl;
        size_t dl;
        split_role(part, role, &rl, detail, &dl);
        collab_i_span r = trim(role, rl);
        collab_i_span d = trim(detail, dl);
        if (w->opt->roles != NULL && !list_has(w->opt->roles, ',', r)) {
            continue;
        }
        if (!put_row(w, c, r, d)) {
            return rows_error(w, err);
        }
    }
    return COLLAB_OK;
}

static collab_status write_rows(collab_i_discogs_writer *w, collab_error *err)
{
    w->rows_len = 0;
    size_t longest = 0;
    for (size_t i = 0; i < w->n_credits; i++) {
        longest = w->credits[i].role.len > longest ? w->credits[i].role.len : longest;
    }
    /* A role's text and its detail are each at most the role list's length, plus "; "
     * between brackets. */
    char *scratch = collab_malloc(4 * longest + 8);
    if (scratch == NULL) {
        return collab_error_nomem(err, "reading a release");
    }
    collab_status st = COLLAB_OK;
    for (size_t i = 0; i < w->n_credits && st == COLLAB_OK; i++) {
        const collab_i_discogs_credit *c = &w->credits[i];
        if (c->id.len == 0 || c->name.len == 0) {
            w->stats->skipped_no_id++;
        } else if (c->id.len == 3 && memcmp(c->id.s, VARIOUS_ID, 3) == 0) {
            w->stats->skipped_various++;
        } else {
            st = credit_rows(w, c, scratch, scratch + 2 * longest + 4, err);
        }
    }
    collab_free(scratch);
    if (st == COLLAB_OK && w->rows_len > 0 &&
        fwrite(w->rows, 1, w->rows_len, w->out) != w->rows_len) {
        st = collab_error_set(err, COLLAB_E_IO, "cannot write the credits");
    }
    return st;
}

collab_status collab_i_discogs_release(collab_i_discogs_writer *w, xmlNode *release,
                                       collab_error *err)
{
    w->n_credits = 0;
    w->n_values = 0;
    release_fields r;
    collab_status st = read_fields(w, release, &r, err);
    w->stats->releases++;
    if (st == COLLAB_OK && release_kept(w, &r)) {
        w->stats->releases_kept++;
        st = release_columns(w, &r) ? COLLAB_OK
                                    : collab_error_nomem(err, "writing the rows of a release");
        if (st == COLLAB_OK) {
            st = write_rows(w, err);
        }
    }
    for (size_t i = 0; i < w->n_owned; i++) {
        xmlFree(w->owned[i]);
    }
    w->n_owned = 0;
    return st;
}

void collab_i_discogs_writer_free(collab_i_discogs_writer *w)
{
    for (size_t i = 0; i < w->n_owned; i++) {
        xmlFree(w->owned[i]);
    }
    collab_free(w->owned);
    collab_free(w->credits);
    collab_free(w->values);
    collab_free(w->rows);
    collab_free(w->tail);
    collab_free(w->project);
    const collab_discogs_options *opt = w->opt;
    FILE *out = w->out;
    collab_discogs_stats *stats = w->stats;
    memset(w, 0, sizeof *w);
    w->opt = opt;
    w->out = out;
    w->stats = stats;
}
