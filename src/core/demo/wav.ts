// Minimal WAV (RIFF, PCM) writer and a synthetic "voicemail": the mailbox beep followed by a
// few seconds of speech-like buzzing (no real voice). 8 kHz, 8-bit mono keeps it small.
import type { Rng } from "./prng.ts";

export const WAV_SAMPLE_RATE = 8000;

/** Wrap unsigned 8-bit mono PCM samples in a RIFF/WAVE container. */
export function encodeWav8(samples: Uint8Array, sampleRate = WAV_SAMPLE_RATE): Uint8Array {
  const out = new Uint8Array(44 + samples.length + (samples.length % 2));
  const v = new DataView(out.buffer);
  const ascii = (offset: number, s: string) => {
    for (let i = 0; i < s.length; i++) out[offset + i] = s.charCodeAt(i);
  };
  ascii(0, "RIFF");
  v.setUint32(4, out.length - 8, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  v.setUint32(16, 16, true); // fmt chunk size
  v.setUint16(20, 1, true); // PCM
  v.setUint16(22, 1, true); // mono
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate, true); // byte rate = rate * channels * 1 byte
  v.setUint16(32, 1, true); // block align
  v.setUint16(34, 8, true); // bits per sample
  ascii(36, "data");
  v.setUint32(40, samples.length, true);
  out.set(samples, 44);
  return out;
}

/** A ~4 second voicemail: 0.3 s silence, 1 kHz beep, pause, then syllable-shaped buzzing. */
export function renderVoicemail(rng: Rng, seconds = 4): Uint8Array {
  const rate = WAV_SAMPLE_RATE;
  const n = Math.round(seconds * rate);
  const samples = new Uint8Array(n).fill(128);
  const beepStart = Math.round(0.3 * rate);
  const beepEnd = Math.round(0.65 * rate);
  for (let i = beepStart; i < beepEnd; i++) {
    samples[i] = Math.round(128 + 70 * Math.sin((2 * Math.PI * 1000 * i) / rate));
  }
  // "Speech": voiced buzz with a wandering pitch, shaped into syllables of 120-300 ms.
  let i = Math.round(0.9 * rate);
  let phase = 0;
  while (i < n - rate * 0.2) {
    const syllable = Math.round(rng.int(120, 300) * (rate / 1000));
    const gap = Math.round(rng.int(30, 160) * (rate / 1000));
    const pitch = rng.int(95, 150);
    const loud = 0.5 + rng.next() * 0.5;
    for (let k = 0; k < syllable && i + k < n; k++) {
      const env = Math.sin((Math.PI * k) / syllable) * loud;
      phase += (2 * Math.PI * (pitch + 10 * Math.sin(k / 400))) / rate;
      const voice = 0.6 * Math.sin(phase) + 0.3 * Math.sin(2 * phase) + 0.15 * Math.sin(3 * phase);
      const noise = (rng.next() - 0.5) * 0.15;
      samples[i + k] = Math.max(0, Math.min(255, Math.round(128 + 90 * env * (voice + noise))));
    }
    i += syllable + gap;
  }
  return encodeWav8(samples, rate);
}
