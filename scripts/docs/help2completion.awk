# Writes collab's bash completion from its --help texts (scripts/docs/gen-docs.sh feeds it
# "@top" and the output of 'collab --help', then "@command NAME" and 'collab NAME --help' for
# each command). Portable awk (mawk, gawk, busybox).
#
# From each command's option lines ("  -o, --output FILE   text", "      --view a|b|c") it takes
# the option names, whether each takes a value, and the value's completions: the words of an
# a|b|c list (placeholders in capitals such as METRIC are left out, top:K offers top:), files
# for FILE..., directories for DIR, nothing to offer for other placeholders (N, NAME, ...).

function trim(s)
{
    sub(/^ +/, "", s)
    sub(/ +$/, "", s)
    return s
}

# The completions of a value placeholder.
function values_of(v,    n, w, i, out, word)
{
    if (v ~ /^FILE/) {
        return "@file"
    }
    if (v ~ /^DIR/) {
        return "@dir"
    }
    if (index(v, "|") == 0) {
        return "@any"
    }
    n = split(v, w, "|")
    out = ""
    for (i = 1; i <= n; i++) {
        word = w[i]
        sub(/[A-Z[].*$/, "", word)
        if (word != "") {
            out = out (out == "" ? "" : " ") word
        }
    }
    return out == "" ? "@any" : out
}

function add_option(name, value)
{
    if ((cmd, name) in seen) {
        return
    }
    seen[cmd, name] = 1
    if (!(cmd in options)) {
        order[++n_commands] = cmd
        options[cmd] = ""
    }
    options[cmd] = options[cmd] (options[cmd] == "" ? "" : " ") name
    if (value != "") {
        n_values++
        value_key[n_values] = cmd " " name
        value_list[n_values] = values_of(value)
    }
}

# An option line: every option named in its tag, each with its value when it has one; in
# "-o, --output FILE" both names take FILE, in "--width W, --height H" each takes its own.
function option_line(s,    content, gap, n, w, i, word, pending, n_pending, j)
{
    content = trim(s)
    gap = index(content, "  ")
    if (gap > 0) {
        content = substr(content, 1, gap - 1)
    }
    n = split(content, w, " ")
    n_pending = 0
    for (i = 1; i <= n; i++) {
        word = w[i]
        sub(/,$/, "", word)
        if (word ~ /^-/) {
            pending[++n_pending] = word
            continue
        }
        for (j = 1; j <= n_pending; j++) {
            add_option(pending[j], word)
        }
        n_pending = 0
    }
    for (j = 1; j <= n_pending; j++) {
        add_option(pending[j], "")
    }
}

/^@top$/ {
    cmd = ""
    next
}

/^@command / {
    cmd = $2
    next
}

# The top-level options, from the usage lines ("collab --help | --version").
cmd == "" && /collab --/ {
    n = split($0, w, " ")
    for (i = 1; i <= n; i++) {
        if (w[i] ~ /^--/) {
            add_option(w[i], "")
        }
    }
    next
}

# Options are indented by 1 to 8 spaces; deeper lines continue their text.
cmd != "" && /^ / {
    match($0, /^ */)
    if (RLENGTH <= 8 && trim($0) ~ /^-/) {
        option_line($0)
    }
}

function q(s)
{
    return "'" s "'"
}

# The generated data: the commands, each command's options, each option's values.
function print_tables(    i, c)
{
    print "# bash completion for collab. Generated from 'collab --help' and 'collab <command> --help'"
    print "# by scripts/docs/help2completion.awk: do not edit (an option added to --help appears here"
    print "# at the next build)."
    print ""
    print "_collab_commands=" q(commands)
    print ""
    print "# The options of command $1 (the top-level ones when $1 is empty)."
    print "_collab_options()"
    print "{"
    print "    case $1 in"
    for (i = 1; i <= n_commands; i++) {
        c = order[i]
        print "    " (c == "" ? "\"\"" : c) ") echo " q(options[c]) " ;;"
    }
    print "    esac"
    print "}"
    print ""
    print "# What follows option $2 of command $1: its words, @file, @dir, @any (a value to type), or"
    print "# nothing when it takes no value."
    print "_collab_values()"
    print "{"
    print "    case \"$1 $2\" in"
    for (i = 1; i <= n_values; i++) {
        print "    " q(value_key[i]) ") echo " q(value_list[i]) " ;;"
    }
    print "    esac"
    print "}"
}

# The completion function, the same for every collab.
function print_function()
{
    print ""
    print "_collab()"
    print "{"
    print "    local cur=${COMP_WORDS[COMP_CWORD]} prev= cmd= prefix= values"
    print "    COMPREPLY=()"
    print "    if ((COMP_CWORD > 0)); then"
    print "        prev=${COMP_WORDS[COMP_CWORD - 1]}"
    print "    fi"
    print "    if ((COMP_CWORD == 1)); then"
    print "        if [[ $cur == -* ]]; then"
    print "            mapfile -t COMPREPLY < <(compgen -W \"$(_collab_options '')\" -- \"$cur\")"
    print "        else"
    print "            mapfile -t COMPREPLY < <(compgen -W \"$_collab_commands\" -- \"$cur\")"
    print "        fi"
    print "        return 0"
    print "    fi"
    print "    cmd=${COMP_WORDS[1]}"
    print "    # --opt=value: one word, or three when '=' breaks words (COMP_WORDBREAKS)."
    print "    if [[ $cur == --*=* ]]; then"
    print "        prev=${cur%%=*}"
    print "        prefix=$prev="
    print "        cur=${cur#*=}"
    print "    elif [[ $cur == = && $prev == --* ]]; then"
    print "        cur="
    print "    elif [[ $prev == = ]] && ((COMP_CWORD >= 3)); then"
    print "        prev=${COMP_WORDS[COMP_CWORD - 2]}"
    print "    fi"
    print "    values=$(_collab_values \"$cmd\" \"$prev\")"
    print "    case $values in"
    print "    @file)"
    print "        compopt -o filenames 2>/dev/null || :"
    print "        mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")"
    print "        ;;"
    print "    @dir)"
    print "        compopt -o filenames 2>/dev/null || :"
    print "        mapfile -t COMPREPLY < <(compgen -d -- \"$cur\")"
    print "        ;;"
    print "    @any) ;;"
    print "    ?*) mapfile -t COMPREPLY < <(compgen -P \"$prefix\" -W \"$values\" -- \"$cur\") ;;"
    print "    *)"
    print "        if [[ $cur == -* ]]; then"
    print "            mapfile -t COMPREPLY < <(compgen -W \"$(_collab_options \"$cmd\")\" -- \"$cur\")"
    print "        else"
    print "            compopt -o filenames 2>/dev/null || :"
    print "            mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")"
    print "        fi"
    print "        ;;"
    print "    esac"
    print "    return 0"
    print "}"
    print "complete -F _collab collab"
}

END {
    print_tables()
    print_function()
}
