/**
 * The Chinese font of printed documents (#11 item 9): Noto Sans SC (SIL Open Font License) from the
 * npm package @expo-google-fonts/noto-sans-sc, so `npm ci` brings it and nothing is read from the
 * operating system. pdfkit embeds only the glyphs a document uses (a subset of a 10 MB face: the
 * receipt stays far below 100 kB). The files are read once per process and kept in memory.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;
export type FontWeight = keyof typeof FONT_FILES;

let loading: Promise<Record<FontWeight, Buffer>> | null = null;

/** Both weights as bytes, read on first use. */
export function documentFonts(): Promise<Record<FontWeight, Buffer>> {
  loading ??= Promise.all([readFile(require.resolve(FONT_FILES.regular)), readFile(require.resolve(FONT_FILES.bold))]).then(
    ([regular, bold]) => ({ regular, bold }),
    (e: unknown) => {
      loading = null; // a later request tries again
      throw e;
    },
  );
  return loading;
}
