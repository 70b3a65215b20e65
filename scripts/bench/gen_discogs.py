#!/usr/bin/env python3
"""Writes a synthetic Discogs releases dump for the importer's benchmark, in the dump's format
and with its proportions: images, main artists, labels (some listed twice), extra artists with
role lists and bracketed details, formats, genres, styles, notes, masters with several
releases, a tracklist of about ten tracks, some with their own credits, identifiers, videos and
companies. About 4 KB of XML per release, as in the real dump (some 80 GB for 19 million).

    gen_discogs.py N OUT.xml.gz [--seed S]

The same N and seed give the same file (gzip without a time stamp)."""
import argparse
import gzip
import random
from xml.sax.saxutils import escape, quoteattr

ROLES = ["Producer", "Mixed By", "Engineer", "Written-By", "Mastered By", "Bass", "Drums",
         "Guitar [Acoustic]", "Vocals", "Keyboards", "Music By [All Tracks By]", "Lacquer Cut By",
         "Photography By", "Design", "Arranged By", "Co-producer", "Recorded By", "Saxophone [Tenor]",
         "Written-By [Lyrics, Music]", "Executive-Producer"]
GENRES = ["Electronic", "Rock", "Jazz", "Funk / Soul", "Hip Hop", "Pop", "Folk, World, & Country",
          "Classical", "Reggae", "Latin", "Blues"]
STYLES = ["House", "Techno", "Deep House", "Hard Bop", "Soul-Jazz", "Punk", "Indie Rock", "Ambient",
          "Dub", "Salsa", "Synth-pop", "Downtempo"]
COUNTRIES = ["US", "UK", "Germany", "France", "Japan", "Sweden", "Netherlands", "Italy", "Brazil"]
WORDS = ("night day blue river love city dream light sound fire heart dance moon star time "
         "road home gold black white summer rain wave").split()


def title(rng, n):
    return " ".join(rng.choice(WORDS).capitalize() for _ in range(n))


def artist(rng, n_people, role, anv_rate=0.1):
    i = int(rng.paretovariate(1.2)) % n_people + 1
    name = f"{title(rng, 2)} ({i})" if i % 7 == 0 else f"Person {i}"
    anv = f"P. {i}" if rng.random() < anv_rate else ""
    return (f"<artist><id>{i + 1000}</id><name>{escape(name)}</name><anv>{anv}</anv><join></join>"
            f"<role>{escape(role)}</role><tracks></tracks></artist>")


def release(rng, rid, n_people):
    out = [f'<release id="{rid}" status="Accepted">']
    out.append('<images>' + '<image height="600" type="primary" uri="" uri150="" width="600"/>'
               * rng.randint(1, 4) + '</images>')
    main = "Various" if rng.random() < 0.05 else None
    if main:
        out.append("<artists><artist><id>194</id><name>Various</name><anv></anv><join></join>"
                   "<role></role><tracks></tracks></artist></artists>")
    else:
        out.append("<artists>" + artist(rng, n_people, "") + "</artists>")
    out.append(f"<title>{escape(title(rng, rng.randint(1, 4)))}</title>")
    label = f"Label {rng.randint(1, 5000)}"
    labels = "".join(f'<label name={quoteattr(label)} catno="CAT {rng.randint(1, 999)}" id="{rid % 5000}"/>'
                     for _ in range(rng.randint(1, 2)))
    out.append(f"<labels>{labels}</labels>")
    extra = []
    for _ in range(rng.randint(1, 6)):
        roles = ", ".join(rng.sample(ROLES, rng.randint(1, 2)))
        extra.append(artist(rng, n_people, roles))
    out.append("<extraartists>" + "".join(extra) + "</extraartists>")
    out.append('<formats><format name="Vinyl" qty="1" text=""><descriptions><description>LP</description>'
               '<description>Album</description></descriptions></format></formats>')
    out.append("<genres>" + "".join(f"<genre>{escape(g)}</genre>" for g in rng.sample(GENRES, rng.randint(1, 2)))
               + "</genres>")
    out.append("<styles>" + "".join(f"<style>{s}</style>" for s in rng.sample(STYLES, rng.randint(1, 3)))
               + "</styles>")
    out.append(f"<country>{rng.choice(COUNTRIES)}</country>")
    year = rng.randint(1950, 2024)
    out.append(f"<released>{year}-{rng.randint(0, 12):02d}-00</released>")
    out.append(f"<notes>{escape(' '.join(rng.choice(WORDS) for _ in range(rng.randint(10, 60))))}</notes>")
    out.append("<data_quality>Correct</data_quality>")
    if rng.random() < 0.7:
        master = rid // 3 + 1
        out.append(f'<master_id is_main_release="{"true" if rid % 3 == 0 else "false"}">{master}</master_id>')
    tracks = []
    for t in range(rng.randint(4, 14)):
        credits = ""
        if rng.random() < 0.3:
            credits = "<extraartists>" + "".join(artist(rng, n_people, rng.choice(ROLES))
                                                 for _ in range(rng.randint(1, 3))) + "</extraartists>"
        if main and rng.random() < 0.9:
            credits += "<artists>" + artist(rng, n_people, "") + "</artists>"
        tracks.append(f"<track><position>{'AB'[t % 2]}{t + 1}</position><title>{title(rng, 2)}</title>"
                      f"<duration>{rng.randint(2, 9)}:{rng.randint(0, 59):02d}</duration>{credits}</track>")
    out.append("<tracklist>" + "".join(tracks) + "</tracklist>")
    out.append('<identifiers><identifier description="Side A" type="Matrix / Runout" value="X 1 A"/>'
               '<identifier type="Barcode" value="0 12345 67890 1"/></identifiers>')
    out.append("<videos>" + "".join(
        f'<video duration="{rng.randint(100, 400)}" embed="true" src="https://www.youtube.com/watch?v=x{rid}{v}">'
        f"<title>{title(rng, 3)}</title><description>{title(rng, 4)}</description></video>"
        for v in range(rng.randint(0, 3))) + "</videos>")
    out.append("<companies><company><id>266169</id><name>Some Studios</name><catno></catno>"
               "<entity_type>29</entity_type><entity_type_name>Mastered At</entity_type_name>"
               "<resource_url>https://api.discogs.com/labels/266169</resource_url></company></companies>")
    out.append("</release>\n")
    return "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=22)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    n_people = max(100, a.n // 2)
    with open(a.out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0,
                                                 compresslevel=6) as f:
        f.write(b"<releases>\n")
        for rid in range(1, a.n + 1):
            f.write(release(rng, rid, n_people).encode())
        f.write(b"</releases>\n")


if __name__ == "__main__":
    main()
