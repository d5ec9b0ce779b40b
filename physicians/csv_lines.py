"""
The physical lines of an import file, decoded one at a time.

Decoding the whole stream at once (a TextIOWrapper) reads ahead in 8 KB
chunks, so a bad byte stopped the import about a hundred lines before the csv
reader got to it, and the report named the wrong line. Decoding each line on
its own puts the error on its line and lets the rest of the file be read. NUL
bytes pass both csv and UTF-8, but PostgreSQL refuses them in text (a traceback
from the command, a 500 from the admin), so they are caught here too.

csv.reader counts the lines this yields, so its ``line_num`` is the line
number an editor shows, even when a quoted field spans lines.
"""

from collections.abc import Iterable, Iterator

BOM = "\ufeff"


class Lines:
    """Iterate over ``file`` (binary, or text lines); ``problem()`` says what was wrong."""

    def __init__(self, file: Iterable[bytes] | Iterable[str]):
        self.file = file
        self.count = 0
        self.problems: dict[int, str] = {}

    def __iter__(self) -> Iterator[str]:
        for chunk in self.file:
            # A binary file splits on \n only; csv, like text mode, also ends lines at \r.
            for line in chunk.splitlines(keepends=True) if isinstance(chunk, bytes) else [chunk]:
                self.count += 1
                text = self._decode(line)
                yield text.removeprefix(BOM) if self.count == 1 else text

    def _decode(self, line: bytes | str) -> str:
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                self.problems[self.count] = f"is not UTF-8 text (byte 0x{line[exc.start]:02x})"
                line = line.decode("utf-8", errors="replace")
        if "\0" in line:
            self.problems.setdefault(self.count, "contains a NUL byte")
        return line

    def problem(self, first: int, last: int) -> tuple[int, str] | None:
        """The first bad line of lines first..last (one CSV row), and what was wrong with it."""
        found = None
        if self.problems:
            for number in range(first, last + 1):
                reason = self.problems.pop(number, None)
                if reason and not found:
                    found = (number, reason)
        return found
