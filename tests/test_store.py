import datetime as dt

from eventwire.pipeline import Document
from eventwire.store import Store
from eventwire.types import Event, EventDate, Mention, TextSpan


def _event(doc_id: str) -> Event:
    span = TextSpan(0, 4, "Text")
    return Event(id="ev-1", doc_id=doc_id, sentence_index=0, date=EventDate("2025-01-01", "day"),
                 source=(), target=(), cameo="040", cameo_name="Consult", plover_category="CONSULT",
                 plover_mode=None, plover_context=None, goldstein=1.0, quad_class=1,
                 modality="asserted", rule="x:1", confidence=0.5,
                 mentions=(Mention(0, span, span, (), ()),))


def test_store_migrates_and_is_idempotent(tmp_path):
    path = tmp_path / "ew.duckdb"
    doc = Document("Some text.", dt.date(2025, 1, 1), "d1")
    with Store(path) as s:
        assert s.schema_version == 2
        assert s.add(doc, [_event("d1")]) is True
        assert s.add(doc, [_event("d1")]) is False
    with Store(path) as s:  # reopening does not re-run migrations
        assert s.schema_version == 2
        assert s.count("documents") == 1
        assert s.count("events") == 1
        assert s.query("SELECT cameo, plover_category FROM events") == [("040", "CONSULT")]
