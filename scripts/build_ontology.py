"""Restate the published CAMEO, Goldstein and CAMEO-to-PLOVER tables as eventwire's data file.

Run once by a maintainer when the reference tables change:

    python scripts/build_ontology.py ../shared/ontology src/eventwire/ontology/data/cameo.tsv

The output is one tab-separated table, a row per CAMEO code, that the package reads at
run time; the reference tables themselves are not needed after this.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

QUAD_BY_ROOT = {**{f"{r:02d}": 1 for r in range(1, 6)}, **{f"{r:02d}": 2 for r in range(6, 10)},
                **{f"{r:02d}": 3 for r in range(10, 15)}, **{f"{r:02d}": 4 for r in range(15, 21)}}


# Where the PLOVER codebook's own definitions and the conversion table disagree, the
# codebook wins: its RETREAT explicitly covers resignations of officials, which CAMEO
# codes as 0831 (accede to demands for a change in leadership), while the table files
# 0831 with the verbal CONCEDE. A resignation has immediate material consequences.
# Its CONCEDE explicitly covers easing administrative or legal restrictions and
# removing curfews, which the table files with RETREAT (0813 curfew, 0814 state of
# emergency or martial law).
CODEBOOK_OVER_TABLE = {"0831": "RETREAT", "0813": "CONCEDE", "0814": "CONCEDE"}


def main(src: Path, out: Path) -> None:
    names: dict[str, str] = {}
    for line in (src / "cameo_eventcodes.tsv").read_text().splitlines()[1:]:
        code, _, name = line.partition("\t")
        if len(code) >= 2:
            names[code] = name.strip()
    goldstein: dict[str, str] = {}
    for line in (src / "cameo_goldstein.tsv").read_text().splitlines()[1:]:
        code, _, value = line.partition("\t")
        goldstein[code] = value.strip()
    plover: dict[str, tuple[str, str, str]] = {}
    for line in (src / "CAMEO2PLOVER-2021.txt").read_text().splitlines():
        m = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if not m or len(m.group(1)) == 2:
            continue
        parts = [p.strip() for p in m.group(2).split(",")] + ["", ""]
        plover[m.group(1)] = (parts[0], parts[1], parts[2].replace(" ", ""))
    rows = ["code\tname\tgoldstein\tquad_class\tplover_category\tplover_mode\tplover_context"]
    for code, name in names.items():
        gs = goldstein.get(code) or goldstein.get(code[:3]) or goldstein.get(code[:2]) or "0.0"
        cat, mode, ctx = plover.get(code) or plover.get(code[:3]) or ("", "", "")
        if code.startswith("01"):
            cat, mode, ctx = "", "", ""  # PLOVER does not code plain statements
        elif code.startswith("02"):
            # The 2021 table leaves CAMEO 02 APPEAL out; PLOVER's REQUEST covers appeals as
            # well as demands, so an appeal takes the REQUEST row of the parallel 10x demand.
            cat, mode, ctx = plover.get("10" + code[2:]) or plover.get("10" + code[2:3]) or (
                "REQUEST", "", "")
        if code in CODEBOOK_OVER_TABLE:
            cat, mode = CODEBOOK_OVER_TABLE[code], ""
        rows.append("\t".join([code, name, gs, str(QUAD_BY_ROOT[code[:2]]), cat, mode, ctx]))
    header = (
        "# CAMEO event codes with Goldstein values and their PLOVER category, mode and context.\n"
        "# Facts restated from: the CAMEO codebook (Schrodt, Gerner et al.) as published by the\n"
        "# GDELT Project; Goldstein (1992) values; the CAMEO-to-PLOVER table of the PLOVER\n"
        "# manual draft 0.8 (Open Event Data Alliance, CC BY-SA 4.0). Quad classes follow GDELT:\n"
        "# 1 verbal cooperation (01-05), 2 material cooperation (06-09), 3 verbal conflict\n"
        "# (10-14), 4 material conflict (15-20). An empty PLOVER category means PLOVER has no\n"
        "# category for the code (CAMEO 01 statements). CAMEO 02 appeals, absent from the table,\n"
        "# take the PLOVER row of the parallel CAMEO 10 demand (PLOVER REQUEST covers both).\n"
        "# 0831 (leadership change: resignations) is RETREAT, 0813-0814 (curfews, emergency\n"
        "# rule eased) are CONCEDE, as the PLOVER codebook defines them over the table.\n"
        "# Regenerate with scripts/build_ontology.py.\n"
    )
    out.write_text(header + "\n".join(rows) + "\n")
    print(f"wrote {len(rows) - 1} codes to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
