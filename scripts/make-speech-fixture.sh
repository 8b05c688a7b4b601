#!/usr/bin/env bash
# Regenerates test/fixtures/speech/espeak-id.wav: synthetic Indonesian speech made with espeak-ng:
# 1.5 s of digital silence, the utterance (espeak's own trailing silence trimmed), 1.0 s of digital
# silence; 16 kHz mono 16-bit PCM WAV (about 6 s, under 200 KB).
# Needs espeak-ng (Debian: apt-get install espeak-ng) and ffmpeg ($FFMPEG_PATH, ffmpeg on the PATH,
# or the @ffmpeg-installer/ffmpeg binary in node_modules). See test/fixtures/speech/MANIFEST.md.
set -euo pipefail
cd "$(dirname "$0")/.."

TEXT='selamat datang di saluran kami, jangan lupa berlangganan'
VOICE=id
SPEED=175   # espeak-ng's default words per minute, written out
OUT=test/fixtures/speech/espeak-id.wav

FFMPEG="${FFMPEG_PATH:-}"
if [ -z "$FFMPEG" ]; then
  if command -v ffmpeg >/dev/null 2>&1; then FFMPEG=ffmpeg
  else FFMPEG="$(node -e "process.stdout.write(require('@ffmpeg-installer/ffmpeg').path)")"; fi
fi
command -v espeak-ng >/dev/null 2>&1 || { echo "espeak-ng is not installed (apt-get install espeak-ng)" >&2; exit 1; }

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

espeak-ng -v "$VOICE" -s "$SPEED" -w "$TMP/utterance.wav" "$TEXT"

# 1.5 s silence + utterance (trailing silence trimmed, resampled to 16 kHz mono) + 1.0 s silence, 16-bit PCM, no metadata.
"$FFMPEG" -hide_banner -nostdin -v error -y \
  -f lavfi -t 1.5 -i anullsrc=r=16000:cl=mono \
  -i "$TMP/utterance.wav" \
  -f lavfi -t 1.0 -i anullsrc=r=16000:cl=mono \
  -filter_complex '[1:a]areverse,silenceremove=start_periods=1:start_threshold=-60dB,areverse,aresample=16000,aformat=sample_fmts=s16:channel_layouts=mono[u];[0:a]aformat=sample_fmts=s16:channel_layouts=mono[a];[2:a]aformat=sample_fmts=s16:channel_layouts=mono[b];[a][u][b]concat=n=3:v=0:a=1[out]' \
  -map '[out]' -ac 1 -ar 16000 -c:a pcm_s16le -map_metadata -1 -fflags +bitexact -flags:a +bitexact \
  "$OUT"

echo "wrote $OUT ($(wc -c <"$OUT") bytes)"
espeak-ng --version
