"""Readers without the model: what each format yields, and how bad records are refused."""

import datetime as dt
import json

from eventwire.pipeline import Document
from eventwire.readers import Reject, read_date, read_inputs


def test_text_markdown_front_matter_and_fallback_dates(tmp_path):
    (tmp_path / "a.md").write_text("---\ndate: 2025-04-02\ntitle: T\nsource: Harbour Times\nid: x1\n---\n"
                                   "# Heading\n\nBody text here.\n")
    (tmp_path / "b.txt").write_text("Plain body.")
    (tmp_path / "c.md").write_text("# Only a heading title\n\nMore body.")
    items = list(read_inputs([str(tmp_path)], dt.date(2025, 1, 1)))
    a, b, c = items
    assert isinstance(a, Document) and (a.date, a.title, a.source, a.id) == (
        dt.date(2025, 4, 2), "T", "Harbour Times", "Harbour Times:x1")
    assert a.text.startswith("# Heading") and "date:" not in a.text
    assert isinstance(b, Document) and b.date == dt.date(2025, 1, 1) and b.id.endswith("b.txt")
    assert isinstance(c, Document) and c.title == "Only a heading title"
    mtime = list(read_inputs([str(tmp_path / "b.txt")]))[0]
    assert isinstance(mtime, Document) and mtime.date == dt.date.today()


def test_jsonl_rejects_carry_line_numbers_and_reasons(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_MAX_INPUT_BYTES", "200")
    lines = [json.dumps({"id": "ok", "text": "Fine text.", "published": "March 3, 2025", "source": "W"}),
             "", "[1, 2]", "{broken",
             json.dumps({"id": "big", "text": "x " * 200}),
             json.dumps({"id": "nul", "text": "a\u0000b"}),
             json.dumps({"id": "d", "text": "t", "date": "not a date at all"})]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    items = list(read_inputs([str(path)]))
    ok = items[0]
    assert isinstance(ok, Document) and (ok.date, ok.id, ok.origin) == (dt.date(2025, 3, 3), "W:ok", f"{path}:1")
    rejects = [(r.line, r.reason.split(" (")[0]) for r in items[1:] if isinstance(r, Reject)]
    assert rejects == [(3, "line is not a JSON object"), (4, "invalid JSON"),
                       (5, "text is 400 bytes, over the 200-byte limit"),
                       (6, "text contains NUL characters"), (7, "cannot read date 'not a date at all'")]


def test_unknown_types_missing_paths_and_broken_feeds_are_rejected(tmp_path):
    (tmp_path / "x.csv").write_text("a,b\n")
    (tmp_path / "f.xml").write_text("<notafeed/>")
    (tmp_path / "e.html").write_text("<html><head><script>app()</script></head><body></body></html>")
    items = list(read_inputs([str(tmp_path / "x.csv"), str(tmp_path / "none.txt"), str(tmp_path / "f.xml"),
                              str(tmp_path / "e.html")]))
    assert all(isinstance(i, Reject) for i in items)
    assert [i.reason.split(":")[0] for i in items] == [
        "unsupported file type .csv", "no such file or directory",
        "not an RSS or Atom feed (or a feed with no items)", "no article text found in the HTML"]


def test_read_date_forms():
    assert read_date("2025-03-04T10:00:00Z") == dt.date(2025, 3, 4)
    assert read_date("Tue, 04 Mar 2025 10:00:00 GMT") == dt.date(2025, 3, 4)
    assert read_date(None) is None and read_date("") is None


def test_atom_feed_entry_with_inline_content(tmp_path):
    (tmp_path / "f.atom").write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire One</title>'
        '<id>urn:w1</id><updated>2025-03-04T10:00:00Z</updated><entry><title>Talks</title><id>urn:w1:1</id>'
        '<updated>2025-03-04T10:00:00Z</updated><content type="html">&lt;p&gt;Chile and Peru signed a fishing '
        'agreement in Lima on Tuesday, the two governments said in a joint statement.&lt;/p&gt;</content>'
        '</entry></feed>')
    (doc,) = list(read_inputs([str(tmp_path / "f.atom")]))
    assert isinstance(doc, Document)
    assert (doc.title, doc.date, doc.source, doc.id) == ("Talks", dt.date(2025, 3, 4), "Wire One", "Wire One:urn:w1:1")
    assert doc.text.startswith("Chile and Peru signed")
