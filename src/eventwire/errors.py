"""One exception tree for eventwire, so front ends can turn any failure into one line.

    EventwireError                 base: every error the library raises on purpose
    ├── InputError                 the user's input cannot be coded (exit status 2)
    │   ├── EmptyInputError        nothing but whitespace
    │   ├── BinaryInputError       NUL bytes or invalid UTF-8
    │   └── OversizedInputError    larger than the max_input_bytes setting
    ├── DataFileError              a lexicon or knowledge-base file is invalid (file:line)
    ├── ModelError                 the spaCy pipeline cannot be loaded
    └── StoreError                 the event store cannot be opened or read (exit status 2)
        └── StoreBusyError         another process holds the store's write lock

Messages say what is wrong and what to do about it; the CLI prints them as they are.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""

    exit_code = 1


class InputError(EventwireError):
    """The input cannot be coded as it is."""

    exit_code = 2


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class OversizedInputError(InputError):
    pass


class DataFileError(EventwireError):
    """A data file (lexicon, knowledge base) is invalid; names the file and line."""

    exit_code = 2

    def __init__(self, path: str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


class ModelError(EventwireError):
    """The spaCy pipeline named by the settings cannot be loaded."""

    exit_code = 2


class StoreError(EventwireError):
    """The event store is missing, too new, or cannot be opened."""

    exit_code = 2


class StoreBusyError(StoreError):
    """Another process is writing the store; DuckDB allows one writing process."""
