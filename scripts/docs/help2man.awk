# Turns the --help text of collab (or of one of its commands) into a man page, so the page says
# exactly what --help says (scripts/docs/gen-docs.sh runs it at build time on the built binary).
# Portable awk (mawk, gawk, busybox): no intervals in regular expressions, no gensub.
#
#   collab map --help | awk -f help2man.awk -v page=collab-map -v name="collab map" \
#       -v what="a map of the network" -v version=0.1.0 -v see="collab"
#
# page: the page's name (collab-map); name: the command as typed; what: the one line of the
# NAME section; version: collab's version; see: space-separated pages for SEE ALSO.
#
# The help text is read as: the usage lines, a description, then sections opened by a short line
# such as "Options:" or "Input (CSV):" (at most 24 characters). In a section, a line indented by
# 1 to 8 spaces is an item (an option, or a command) whose tag ends at the first double space; a
# line indented further continues the item's text; a line with no indent is a paragraph. A
# continuation line that holds a double space inside it, or is indented further than the item's
# first one, is a table row and is kept as it is. Indented lines of the description are kept as
# they are too.

# Escapes text for roff: backslashes and hyphens (so '--top' stays two ASCII hyphens).
function esc(s,    out, i, c)
{
    out = ""
    for (i = 1; i <= length(s); i++) {
        c = substr(s, i, 1)
        if (c == "\\") {
            out = out "\\e"
        } else if (c == "-") {
            out = out "\\-"
        } else {
            out = out c
        }
    }
    return out
}

# One line of text; a leading '.' or '\'' would be read as a request.
function text(s)
{
    if (pp) {
        print ".PP"
        pp = 0
    }
    if (in_description && !described) {
        print ".SH DESCRIPTION"
        described = 1
    }
    body = 1
    if (s ~ /^[.']/) {
        s = "\\&" s
    }
    print s
}

function indent_of(s)
{
    match(s, /^ */)
    return RLENGTH
}

function trim(s)
{
    sub(/^ +/, "", s)
    sub(/ +$/, "", s)
    return s
}

# Leaves no-fill mode when a table has just ended.
function fill()
{
    if (nofill) {
        print ".fi"
        nofill = 0
    }
}

function nofill_line(s)
{
    if (pp) {
        print ".PP"
        pp = 0
    }
    if (in_description && !described) {
        print ".SH DESCRIPTION"
        described = 1
    }
    body = 1
    if (!nofill) {
        print ".nf"
        nofill = 1
    }
    text(esc(s))
}

# The tag of an item: options and the first word in bold, their values in italics.
function tag(s,    n, w, i, out, word, comma)
{
    n = split(s, w, " ")
    out = ""
    for (i = 1; i <= n; i++) {
        word = w[i]
        comma = ""
        if (word ~ /,$/) {
            word = substr(word, 1, length(word) - 1)
            comma = ","
        }
        out = out (i > 1 ? " " : "")
        if (i == 1 || word ~ /^-/) {
            out = out "\\fB" esc(word) "\\fR" comma
        } else {
            out = out "\\fI" esc(word) "\\fR" comma
        }
    }
    return out
}

function item(s,    content, gap)
{
    fill()
    content = trim(s)
    gap = index(content, "  ")
    pp = 0
    print ".TP"
    if (gap == 0) {
        text(tag(content))
    } else {
        text(tag(substr(content, 1, gap - 1)))
        text(esc(trim(substr(content, gap))))
    }
    first_cont = -1
}

function continuation(s,    ind, content)
{
    ind = indent_of(s)
    content = trim(s)
    if (first_cont < 0) {
        first_cont = ind
    }
    if (index(content, "  ") > 0 || ind > first_cont) {
        nofill_line(substr(s, first_cont + 1))
    } else {
        fill()
        text(esc(content))
    }
}

function header(s,    title)
{
    fill()
    pp = 0
    body = 0
    title = substr(s, 1, length(s) - 1)
    if (!in_sections) {
        in_sections = 1
        described = 1
        print ".SH " toupper(title)
    } else {
        print ".SS \"" esc(title) "\""
    }
}

function begin_page(    upper)
{
    upper = toupper(page)
    print ".\\\" Generated from '" name " --help' by scripts/docs/help2man.awk: do not edit."
    print ".TH \"" esc(upper) "\" 1 \"\" \"collab " esc(version) "\" \"collab manual\""
    print ".SH NAME"
    text(esc(page) " \\- " esc(what))
    print ".SH SYNOPSIS"
}

NR == 1 {
    begin_page()
    sub(/^usage: */, "")
}

NR == 1 || (!in_description && $0 ~ /^       [^ ]/) {
    line = trim($0)
    if (index(line, name " ") == 1) {
        line = substr(line, length(name) + 2)
        if (NR > 1) {
            print ".br"
        }
        print ".B " esc(name)
    }
    text(esc(line))
    next
}

# The description's heading is printed with its first line: the top page has none.
!in_description {
    in_description = 1
}

/^$/ {
    fill()
    after_items = 0
    pp = body
    next
}

/^[A-Z][A-Za-z ()]*:$/ && length($0) <= 24 {
    header($0)
    next
}

!in_sections && /^ / {
    nofill_line($0)
    next
}

in_sections && /^ / {
    if (indent_of($0) <= 8) {
        item($0)
    } else {
        continuation($0)
    }
    after_items = 1
    next
}

{
    fill()
    if (after_items) {
        pp = 1
        after_items = 0
    }
    text(esc($0))
}

END {
    fill()
    n = split(see, pages, " ")
    if (n > 0) {
        print ".SH SEE ALSO"
        for (i = 1; i <= n; i++) {
            text("\\fB" esc(pages[i]) "\\fR(1)" (i < n ? "," : ""))
        }
    }
}
