#!/usr/bin/env python3
"""Draws the hand-labelled person sample from ../shared/corpus (run from the crate root).

Rule: every article of a corpus whose body is at most 2,500 characters (4,000 in raw-sample, whose articles are long) is ranked by the SHA-1
of its id; the "role" pool holds those whose title, summary or body contains one of ROLE_WORDS,
the "any" pool all of them. Articles are taken in rank order, skipping ones already taken,
first for the tuned set, then for the held-out set. Prints `set<TAB>corpus<TAB>id`.
"""
import hashlib, json, pathlib, sys

ROLE_WORDS = ("Bí thư", "Chủ tịch", "Giám đốc", "Bộ trưởng", "Thủ tướng", "Trưởng ban")
CORPUS = pathlib.Path("../shared/corpus")
# (corpus, pool, tuned, held out)
PLAN = [("baomoi", "role", 45, 15), ("baomoi", "any", 25, 5),
        ("dantri-unc", "role", 25, 7), ("dantri-unc", "any", 15, 3),
        ("raw-sample", "any", 40, 10)]

def articles(corpus):
    if corpus == "raw-sample":
        for p in sorted((CORPUS / corpus).glob("*.txt")):
            parts = p.read_text(encoding="utf-8").split("\n\n", 2)
            yield p.stem, "\n".join(parts[:2]), parts[2] if len(parts) > 2 else ""
    else:
        for p in sorted((CORPUS / corpus).glob("*.jsonl")):
            for line in p.open(encoding="utf-8"):
                r = json.loads(line)
                yield r["id"], r["title"] + "\n" + r["summary"], r["body"]

def main():
    taken, rows = set(), {"tuned": [], "held-out": []}
    for corpus, pool, tuned, held in PLAN:
        ranked = sorted(
            (hashlib.sha1(i.encode()).hexdigest(), i)
            for i, head, body in articles(corpus)
            if len(body) <= (4000 if corpus == "raw-sample" else 2500)
            and (pool == "any" or any(w in head + body for w in ROLE_WORDS)))
        ids = [i for _, i in ranked if i not in taken]
        for name, n, chosen in (("tuned", tuned, ids[:tuned]), ("held-out", held, ids[tuned:tuned + held])):
            taken.update(chosen)
            rows[name] += [(corpus, i) for i in chosen]
    for name in ("tuned", "held-out"):
        for corpus, i in rows[name]:
            print(f"{name}\t{corpus}\t{i}")

if __name__ == "__main__":
    sys.exit(main())
