"""spaCy components eventwire adds to any English pipeline.

``eventwire_paragraphs`` (assigns ``token.is_sent_start``): a blank line or a line break
ends a sentence. News copy puts headlines, datelines and paragraphs on their own lines
without final punctuation; without this the parser runs a headline into the lead.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("eventwire_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
        elif "\n" in tok.whitespace_ and not tok.is_space:
            doc[tok.i + 1].is_sent_start = True
    return doc


def add_components(nlp: Language) -> Language:
    """Insert eventwire's components where they must run (before the parser)."""
    if "eventwire_paragraphs" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe("eventwire_paragraphs", before=before)
        else:
            nlp.add_pipe("eventwire_paragraphs", first=True)
    return nlp
