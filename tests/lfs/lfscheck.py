"""Helpers shared by the tests/lfs runners: a counted exact check, and the image CRC rule
(docs/image-format.md section 7: CRC-32 of [0, SIZE) with STATE, CRC and CRCPI read as 0)."""
import struct
import zlib


class Checks:
    """ok(cond, what, detail): prints 'ok' or 'FAIL' and counts the failures."""

    def __init__(self):
        self.failures = 0

    def __call__(self, cond, what, detail=""):
        if cond:
            print("ok   " + what)
        else:
            self.failures += 1
            print("FAIL " + what + ("\n     " + detail if detail else ""))


def crc(b):
    size = struct.unpack_from("<I", b, 48)[0]
    return zlib.crc32(bytes(b[:12]) + b"\0" * 12 + bytes(b[24:size])) & 0xFFFFFFFF


def fixcrc(b, pi=False):
    """Rewrites the CRC of the image in the bytearray b (and CRCPI too when pi: an image that is
    position independent); returns b."""
    c = crc(b)
    struct.pack_into("<I", b, 16, c)
    if pi:
        struct.pack_into("<I", b, 20, c)
    return b
