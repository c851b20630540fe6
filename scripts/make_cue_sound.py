"""Write resources/sounds/cue.wav: two soft sine tones (0.35 s), made here so we own it.

Run once; the WAV is committed. python scripts/make_cue_sound.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
TONES = ((660.0, 0.16), (880.0, 0.19))  # a rising pair: noticeable, not alarming
VOLUME = 0.35


def samples() -> bytes:
    out = bytearray()
    for freq, seconds in TONES:
        count = int(RATE * seconds)
        for i in range(count):
            fade = min(1.0, i / 400, (count - i) / 400)  # no clicks at the edges
            value = VOLUME * fade * math.sin(2 * math.pi * freq * i / RATE)
            out += struct.pack("<h", int(value * 32767))
    return bytes(out)


def main() -> None:
    target = Path(__file__).resolve().parents[1] / "resources" / "sounds" / "cue.wav"
    target.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(target), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(samples())
    print(target)


if __name__ == "__main__":
    main()
