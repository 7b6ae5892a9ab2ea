"""Ingest through the real coder: every input format, real HTTP for feeds, rejects,
idempotence, a run killed with SIGKILL and resumed, and the merge rule on real text.

Every article here is invented for the tests.
"""

import functools
import http.server
import json
import os
import signal
import subprocess
import sys
import threading

import pytest

from eventwire.store import Store
from eventwire.store.dedup import DedupRule
from eventwire.store.ingest import ingest

pytestmark = pytest.mark.slow

EVENTWIRE = [sys.executable, "-m", "eventwire.cli.main"]

LEADERS = [("Japanese Prime Minister Shigeru Ishiba", "South Korean President Lee Jae-myung"),
           ("French President Emmanuel Macron", "German Chancellor Friedrich Merz"),
           ("Indian Prime Minister Narendra Modi", "Brazilian President Luiz Inacio Lula da Silva"),
           ("Turkish President Recep Tayyip Erdogan", "Egyptian President Abdel Fattah el-Sisi")]
VERBS = ["met", "held talks with", "spoke by phone with", "criticised", "thanked", "praised", "hosted"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(i: int) -> dict:
    """A distinct short article: who did what to whom, with a topic sentence."""
    a, b = LEADERS[i % len(LEADERS)]
    verb = VERBS[(i // len(LEADERS)) % len(VERBS)]
    day = DAYS[i % len(DAYS)]
    text = (f"{a} {verb} {b} on {day}. The two sides discussed item {i} of their agenda, "
            f"officials said, and agreed to continue the dialogue on trade number {i * 7}.")
    return {"id": f"a{i}", "date": "2025-05-09", "title": f"Story {i}", "text": text, "source": "Test Wire"}


@pytest.fixture()
def http_dir(tmp_path):
    """A real HTTP server over a folder; yields (folder, base URL)."""
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


PAGE = """<html><head><title>{title}</title>
<meta property="article:published_time" content="{date}T08:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>{title}</h1><p>{text}</p>
<p>The meeting lasted two hours, according to a statement issued after the talks ended.</p></article>
<footer>Copyright Test Wire</footer></body></html>"""

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title><link>{base}</link>
<description>t</description>{items}</channel></rss>"""
ITEM = "<item><title>{title}</title><link>{link}</link><guid>{guid}</guid><pubDate>{date}</pubDate></item>"


def test_every_input_format_is_read_and_a_rerun_adds_nothing(tmp_path, http_dir):
    www, base = http_dir
    inputs = tmp_path / "in"
    (inputs / "nested").mkdir(parents=True)
    (inputs / "plain.txt").write_text("Chinese President Xi Jinping met Kenyan President William Ruto in "
                                      "Beijing on Tuesday to discuss a new railway loan.")
    (inputs / "nested" / "story.md").write_text(
        "---\ndate: 2025-04-02\ntitle: Sanctions\nsource: Harbour Times\n---\n# Sanctions\n\n"
        "The European Union imposed sanctions on Belarus on Wednesday over the detention of opposition "
        "figures.\n")
    (inputs / "page.html").write_text(PAGE.format(title="Leaders meet", date="2025-04-03", text=(
        "Indian Prime Minister Narendra Modi met Japanese Prime Minister Shigeru Ishiba in Tokyo on Thursday.")))
    (inputs / "notes.csv").write_text("ignored in a directory walk\n")
    lines = [json.dumps(article(i)) for i in range(3)]
    lines += ['{"id": "bad", "text": "Russia attacked Ukraine."', json.dumps({"id": "empty", "text": "  "}),
              json.dumps({"id": "when", "text": "Russia attacked Ukraine.", "date": "the day after never"}),
              json.dumps({"id": "fr", "text": "Le gouvernement a annoncé mardi une nouvelle réforme des "
                                              "retraites pour les fonctionnaires de la ville."})]
    (inputs / "batch.jsonl").write_text("\n".join(lines) + "\n")
    (www / "one.html").write_text(PAGE.format(title="Aid pledged", date="2025-04-04", text=(
        "Germany pledged humanitarian aid to Sudan on Friday, the German foreign ministry said.")))
    (www / "feed.xml").write_text(RSS.format(base=base, items="".join([
        ITEM.format(title="Aid pledged", link=f"{base}/one.html", guid="g1", date="Fri, 04 Apr 2025 09:00:00 GMT"),
        ITEM.format(title="Gone", link=f"{base}/missing.html", guid="g2", date="Fri, 04 Apr 2025 10:00:00 GMT"),
    ])))
    db, rejects = tmp_path / "ew.duckdb", tmp_path / "rejects.jsonl"
    summary = ingest([str(inputs), f"{base}/feed.xml", str(tmp_path / "nope.txt")], db, processes=1,
                     rejects=rejects, default_date=None)
    assert (summary.stored, summary.rejected) == (7, 6), summary
    reasons = [json.loads(line) for line in rejects.read_text().splitlines()]
    by_reason = {r["reason"].split(" (")[0].split(":")[0] for r in reasons}
    assert by_reason == {"invalid JSON", "no text", "cannot read date 'the day after never'", "not English",
                         "cannot fetch article", "no such file or directory"}
    assert next(r for r in reasons if r["reason"].startswith("invalid JSON"))["line"] == 4
    assert "HTTP 404" in next(r["reason"] for r in reasons if r["reason"].startswith("cannot fetch"))
    with Store(db, read_only=True) as s:
        docs = dict((r[0], r[1:]) for r in s.query(
            "SELECT origin, published::VARCHAR, title, source, url FROM documents"))
        md = next(v for k, v in docs.items() if k.endswith("story.md"))
        assert md == ("2025-04-02", "Sanctions", "Harbour Times", None)
        html = next(v for k, v in docs.items() if k.endswith("page.html"))
        assert html[:2] == ("2025-04-03", "Leaders meet")
        fed = next(v for k, v in docs.items() if "feed.xml" in k)
        assert fed == ("2025-04-04", "Aid pledged", "Test Wire", f"{base}/one.html")
        text = s.query("SELECT text FROM documents WHERE title = 'Leaders meet'")[0][0]
        assert "Home | World" not in text and "Copyright" not in text and "Narendra Modi met" in text
        assert s.query("SELECT count(*) FROM events WHERE source_country = 'DEU' AND target_country = 'SDN'"
                       ) == [(1,)]
        n_events = s.count("events")
        assert n_events >= 6
    again = ingest([str(inputs), f"{base}/feed.xml"], db, processes=1, rejects=rejects)
    assert (again.stored, again.skipped, again.events) == (0, 7, 0)
    with Store(db, read_only=True) as s:
        assert s.count("documents") == 7 and s.count("events") == n_events


def test_cli_ingest_summary_rejects_and_exit_status(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(article(1)) + "\n" + "{not json\n")
    db = tmp_path / "ew.duckdb"
    run = subprocess.run([*EVENTWIRE, "ingest", str(good), "--db", str(db), "-j", "1"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 3, run.stderr
    assert "Traceback" not in run.stderr
    assert "stored           1" in run.stderr and "rejected         1" in run.stderr
    assert (tmp_path / "ew.rejects.jsonl").exists()
    events = subprocess.run([*EVENTWIRE, "events", "--db", str(db), "-f", "json"], capture_output=True,
                            text=True, timeout=120)
    assert events.returncode == 0
    rows = [json.loads(line) for line in events.stdout.splitlines()]
    assert {(r["source_country"], r["target_country"]) for r in rows} >= {("FRA", "DEU")}
    missing = subprocess.run([*EVENTWIRE, "events", "--db", str(tmp_path / "none.duckdb")], capture_output=True,
                             text=True, timeout=120)
    assert missing.returncode == 2 and "no event store" in missing.stderr and "Traceback" not in missing.stderr


def test_sigkill_mid_run_then_rerun_stores_every_document_exactly_once(tmp_path):
    """Kill the ingest (and its workers) with SIGKILL after its first commits; rerun; compare
    with an uninterrupted run of the same input."""
    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps(article(i)) + "\n" for i in range(160)))
    db = tmp_path / "killed.duckdb"
    cmd = [*EVENTWIRE, "ingest", str(src), "--db", str(db), "-j", "2", "--no-progress", "-v"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            start_new_session=True)
    assert proc.stderr is not None
    commits = 0
    for line in proc.stderr:
        if line.startswith("committed"):
            commits += 1
            if commits == 2:
                os.killpg(proc.pid, signal.SIGKILL)
                break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    with Store(db, read_only=True) as s:
        partial = s.count("documents")
    assert 0 < partial < 160
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=500)
    assert rerun.returncode == 0, rerun.stderr
    assert f"already stored   {partial}" in rerun.stderr
    clean = tmp_path / "clean.duckdb"
    ingest([str(src)], clean, processes=1)
    with Store(db, read_only=True) as s, Store(clean, read_only=True) as c:
        assert s.count("documents") == 160
        assert s.query("SELECT count(*) FROM (SELECT content_hash FROM documents GROUP BY 1 HAVING count(*) > 1)"
                       ) == [(0,)]
        assert s.count("reports") == c.count("reports")
        assert s.count("event_mentions") == c.count("event_mentions")
        assert s.query("SELECT sum(num_articles) FROM events") == c.query("SELECT sum(num_articles) FROM events")


ABDUCTION = [
    "Al-Shabaab militants abducted a Kenyan aid worker near Mandera on Tuesday, {who} said.",
    "A Kenyan aid worker was abducted by al-Shabaab fighters near the town of Mandera on Tuesday, {who} said.",
    "Islamist group al-Shabaab kidnapped a Kenyan relief worker on Tuesday near Mandera, according to {who}.",
    "Al-Shabaab kidnapped a Kenyan humanitarian worker in Mandera on Tuesday, {who} reported.",
    "Fighters of al-Shabaab abducted a Kenyan aid worker in Mandera on Tuesday, {who} told reporters.",
]
SOURCES = ["police", "local officials", "a government spokesman", "witnesses", "the county commissioner",
           "aid agencies"]


def test_one_abduction_in_150_articles_is_one_event_and_other_attacks_stay_apart(tmp_path):
    """The two failures of cross-article merging, on text through the real coder."""
    rows = []
    for i in range(150):
        first = ABDUCTION[i % len(ABDUCTION)].format(who=SOURCES[i % len(SOURCES)])
        rows.append({"id": str(i), "source": f"Outlet {i}", "date": "2025-03-05" if i % 4 else "2025-03-06",
                     "text": f"{first} The group has carried out similar raids in the region. Report number {i}."})
    rows.append({"id": "later", "source": "Outlet 0", "date": "2025-03-19",
                 "text": "Al-Shabaab militants abducted a Kenyan aid worker near Mandera on Tuesday, police said."})
    rows.append({"id": "k", "source": "Outlet 1", "date": "2025-03-05",
                 "text": "Russian troops shelled residential areas in Kharkiv on Monday, officials said."})
    rows.append({"id": "o", "source": "Outlet 2", "date": "2025-03-05",
                 "text": "Russian troops shelled residential areas in Odesa on Monday, officials said."})
    src = tmp_path / "reports.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    db = tmp_path / "ew.duckdb"
    ingest([str(src)], db, processes=1)
    with Store(db, read_only=True) as s:
        abductions = s.query("SELECT event_date::VARCHAR, num_articles, num_sources FROM events "
                             "WHERE cameo_root = '18' ORDER BY event_date")
        assert abductions == [("2025-03-04", 150, 150), ("2025-03-18", 1, 1)]
        shelling = s.query("SELECT place FROM events WHERE source_country = 'RUS' AND cameo_root = '19' "
                           "ORDER BY place")
        assert shelling == [("Kharkiv, UKR",), ("Odesa, UKR",)]
    raw = tmp_path / "raw.duckdb"
    ingest([str(src)], raw, processes=1, rule=DedupRule(enabled=False))
    with Store(raw, read_only=True) as s:
        assert s.query("SELECT count(*) FROM events WHERE cameo_root = '18'") == [(151,)]
