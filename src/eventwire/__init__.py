"""eventwire: political event data (CAMEO and PLOVER) from news text, explainably.

    >>> import eventwire
    >>> events = eventwire.code_text("Russia attacked Ukraine.", date="2025-02-12")
"""

from eventwire.actors.lookup import Resolution
from eventwire.errors import DataFileError, EventwireError, InputError, ModelError, StoreError
from eventwire.pipeline import Coder, Document, NotEnglishWarning, code_text, resolve_actor
from eventwire.store import Store
from eventwire.types import Actor, Event, EventDate, Mention, TextSpan

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Coder",
    "DataFileError",
    "Document",
    "Event",
    "EventDate",
    "EventwireError",
    "InputError",
    "Mention",
    "ModelError",
    "NotEnglishWarning",
    "Resolution",
    "Store",
    "StoreError",
    "TextSpan",
    "__version__",
    "code_text",
    "resolve_actor",
]
