"""Bytes -> text, strictly.

A source either becomes text the pipeline can trust or a one-line
``InputError`` ("path: problem"); nothing is guessed or replaced. UTF-8 (with
or without a byte order mark), or UTF-16/UTF-32 when they carry one; a file
that looks like binary data is named as such.
"""

from __future__ import annotations

from crosscheck.errors import InputError

BINARY = "binary file, not text"

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE mark.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32LE"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32BE"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16LE"),
    (b"\xfe\xff", "utf-16-be", "UTF-16BE"),
)

# Formats whose first bytes are already invalid UTF-8 or plausible-looking
# ASCII: naming them "binary" is more useful than "not valid UTF-8 at byte 0".
_BINARY_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"%PDF-",
    b"PK\x03\x04",  # zip, docx, epub, jar
    b"PK\x05\x06",  # empty zip
    b"\x1f\x8b",  # gzip
    b"\xfd7zXZ\x00",  # xz
    b"(\xb5/\xfd",  # zstd
    b"7z\xbc\xaf\x27\x1c",
    b"BZh91AY&SY",  # bzip2 block header
    b"\x7fELF",
    b"\xca\xfe\xba\xbe",  # Mach-O fat binary, Java class
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # legacy Office (OLE)
    b"OggS",
    b"fLaC",
    b"\x1aE\xdf\xa3",  # Matroska, WebM
    b"wOFF",
    b"wOF2",
    b"\x00asm",
    b"SQLite format 3\x00",
)
_RIFF_FORMS = (b"WAVE", b"AVI ", b"WEBP")

# C0 controls other than the whitespace ones, ESC (terminal captures) and
# SUB (the DOS end-of-file mark), plus DEL.
_CONTROL_BYTES = frozenset(set(range(0x00, 0x09)) | set(range(0x0E, 0x1A)) | {0x1C, 0x1D, 0x1E, 0x1F, 0x7F})
_SNIFF_BYTES = 8192
# A stray control character happens in real text; a data file that happens
# to be valid UTF-8 is dense with them.
_CONTROL_RATIO = 0.10


def decode(data: bytes, shown: str) -> str:
    """Strictly decode ``data``; ``shown`` names the source in error messages.

    UTF-8 (a byte order mark is dropped), or UTF-16/UTF-32 only when they
    carry a byte order mark. Byte positions in messages count from 0 in the
    file as read, the mark included.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data, len(bom), codec, label, shown)
    if _looks_binary(data):
        raise InputError(shown, _binary_problem(data))
    return _decode_strict(data, 0, "utf-8", "UTF-8", shown)


def _decode_strict(data: bytes, skip: int, codec: str, label: str, shown: str) -> str:
    try:
        text = data[skip:].decode(codec, errors="strict")
    except UnicodeDecodeError as exc:
        raise InputError(shown, f"not valid {label} at byte {skip + exc.start}") from None
    # A NUL is never prose; after a UTF-16/32 mark it is a decoded character.
    if "\x00" in text:
        raise InputError(shown, BINARY)
    return text


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    if any(data.startswith(magic) for magic in _BINARY_MAGIC):
        return True
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_FORMS:
        return True
    if data[4:8] == b"ftyp":  # MP4, MOV, HEIC
        return True
    head = data[:_SNIFF_BYTES]
    controls = sum(1 for b in head if b in _CONTROL_BYTES)
    return bool(head) and controls / len(head) > _CONTROL_RATIO


def _binary_problem(data: bytes) -> str:
    # UTF-16 without a mark: a NUL in every other byte of ASCII-range text.
    head = data[:_SNIFF_BYTES]
    if len(head) >= 4:
        odd, even = head[1::2], head[0::2]
        for zeros, chars in ((odd, even), (even, odd)):
            if zeros.count(0) > 0.9 * len(zeros) and chars.count(0) < 0.1 * len(chars):
                return f"{BINARY} (UTF-16 without a byte order mark?)"
    return BINARY
