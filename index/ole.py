"""A tiny reader for the directory of OLE2 compound files (legacy DOC/XLS/WPS/ET, encrypted OOXML).

Only the stream and storage names are read: that is enough to tell the formats apart and to see
an encrypted Office file (EncryptionInfo + EncryptedPackage) without a third-party dependency.
"""
from __future__ import annotations

import struct
from typing import BinaryIO

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_MAX_SPECIAL = 0xFFFFFFFA


class OleError(ValueError):
    """The bytes are not a readable compound file (truncated or damaged)."""


def ole_entry_names(stream: BinaryIO) -> list[str]:
    """Names of all storages and streams in the compound file, root entry excluded."""
    stream.seek(0, 2)
    file_size = stream.tell()
    stream.seek(0)
    header = stream.read(512)
    if len(header) < 512 or not header.startswith(OLE_MAGIC):
        raise OleError("not an OLE2 compound file")
    sector_shift = struct.unpack_from("<H", header, 0x1E)[0]
    if sector_shift not in (9, 12):
        raise OleError("bad sector size")
    sector_size = 1 << sector_shift
    max_sectors = max(1, file_size // sector_size)
    fat_count, first_dir = struct.unpack_from("<II", header, 0x2C)
    first_difat, difat_count = struct.unpack_from("<II", header, 0x44)

    def read_sector(number: int) -> bytes:
        if number > max_sectors:
            raise OleError("sector outside the file")
        stream.seek((number + 1) * sector_size)
        data = stream.read(sector_size)
        if len(data) < sector_size:
            raise OleError("truncated")
        return data

    fat_sectors = [s for s in struct.unpack_from("<109I", header, 0x4C) if s <= _MAX_SPECIAL]
    per_difat = sector_size // 4 - 1
    difat_sector = first_difat
    for _ in range(min(difat_count, max_sectors)):
        if difat_sector > _MAX_SPECIAL:
            break
        entries = struct.unpack(f"<{per_difat + 1}I", read_sector(difat_sector))
        fat_sectors.extend(s for s in entries[:-1] if s <= _MAX_SPECIAL)
        difat_sector = entries[-1]
    fat_sectors = fat_sectors[:fat_count]
    fat: list[int] = []
    for s in fat_sectors:
        fat.extend(struct.unpack(f"<{sector_size // 4}I", read_sector(s)))

    names: list[str] = []
    sector, seen = first_dir, 0
    while sector not in (_END_OF_CHAIN, _FREE) and seen < max_sectors:
        data = read_sector(sector)
        for offset in range(0, sector_size, 128):
            name_len, entry_type = struct.unpack_from("<HB", data, offset + 0x40)
            if entry_type in (1, 2) and 2 <= name_len <= 64:
                names.append(data[offset:offset + name_len - 2].decode("utf-16-le", "replace"))
        if sector >= len(fat):
            raise OleError("directory chain leaves the FAT")
        sector, seen = fat[sector], seen + 1
    return names
