"""
Reading an article file as far as needs no database, in an import's worker
processes (``articles.ingest.files.file_parser``), so that the importing
process only decides and writes.

Takes a file's bytes (``read_files``: a list of them); gives for each, in
order, a ``Read`` or the IngestError saying why it cannot be an article
(one bad file never stops the others). A ``Read`` holds the
``ParsedArticle``, the quotes ``extract_quotes`` finds in its paragraphs
with what the importer will most likely give it (the outlet the file names,
no strike's parties), and its text's syndication ``signature``. The importer
takes them only when what it gives is the same (``findings_for``,
``signature_for``), and extracts or signs again otherwise: what is stored
never depends on where the file was read.
"""

from dataclasses import dataclass

from .ingest.errors import IngestError
from .ingest.files import parse_file_bytes
from .ingest.syndication import signature
from .quotes import extract_quotes


@dataclass
class Read:
    parsed: object  # the ParsedArticle
    outlet: str  # the outlet name the quotes were extracted with
    findings: list  # extract_quotes(parsed.paragraphs, outlet=outlet)
    signature: object  # signature(parsed.paragraphs): a Signature, or None (too short)

    def findings_for(self, paragraphs, *, employers, unions, outlet):
        """The findings, when extracted from these paragraphs with these parties; else None."""
        if employers or unions or outlet != self.outlet or paragraphs != self.parsed.paragraphs:
            return None
        return self.findings

    def signature_for(self, paragraphs):
        """(True, the signature) when taken of these paragraphs; (False, None) otherwise."""
        if paragraphs != self.parsed.paragraphs:
            return False, None
        return True, self.signature


def read_file_bytes(data):
    """One file's bytes as a Read, or the IngestError saying why not (returned, not raised)."""
    parsed = parse_file_bytes(data)
    if isinstance(parsed, IngestError):
        return parsed
    outlet = parsed.outlet.name if parsed.outlet is not None else ""
    return Read(
        parsed=parsed,
        outlet=outlet,
        findings=extract_quotes(parsed.paragraphs, outlet=outlet),
        signature=signature(parsed.paragraphs),
    )


def read_files(datas):
    """``read_file_bytes`` of each, in order (one task for a worker process)."""
    return [read_file_bytes(data) for data in datas]
