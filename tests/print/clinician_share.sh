#!/bin/sh
# The share of the first page the clinician's block takes: from the top of the printable
# area (the page engine's 0.3 in margin) to the first of the given headings that
# follow the block, over the printable height (the page less both margins). With
# START, the block is counted from that heading instead (the height covered by the
# clinician's content alone, the title and write-in line left out). Prints the share
# with two decimals; 1.00 when no heading that follows is on the first page.
# Usage: clinician_share.sh PDF "HEADING|HEADING..." [START]
set -u
pdftotext -f 1 -l 1 -bbox "$1" - | awk -v ends="$2" -v start="${3:-}" '
    function attr(name,   v) {
        if (!match($0, name "=\"[0-9.]+\"")) return 0
        v = substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3)
        return v + 0
    }
    # The yMin of the first word of the first run of words equal to text, or -1.
    function find(text,   t, nt, i, k) {
        nt = split(text, t, " ")
        for (i = 1; i + nt - 1 <= n; i++) {
            for (k = 1; k <= nt && word[i + k - 1] == t[k]; k++) ;
            if (k > nt) return y[i]
        }
        return -1
    }
    /<page / { ph = attr("height") }
    /<word / { w = $0; sub(/^.*<word[^>]*>/, "", w); sub(/<\/word>.*$/, "", w);
               n++; word[n] = w; y[n] = attr("yMin") }
    END {
        margin = 0.3 * 72
        top = margin
        if (start != "" && (s = find(start)) >= 0) top = s
        bottom = -1
        m = split(ends, e, "|")
        for (j = 1; j <= m; j++)
            if ((b = find(e[j])) >= 0 && (bottom < 0 || b < bottom)) bottom = b
        if (bottom < 0) bottom = ph - margin
        printf "%.3f\n", (bottom - top) / (ph - 2 * margin)
    }'
