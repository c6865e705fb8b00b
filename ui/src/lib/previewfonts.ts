// The fonts the live preview draws in: the very files the layout measured with, handed over
// by the backend once per window and added to the page as one family. With them every run
// is exactly as wide on screen as in the PDF; without them (a font inside a collection, or
// no FontFace support) the page asks for the family by name, and each run still starts at
// the layout's x, so the lines and pages stay the layout's.
import { backend } from './backend';

/** The family name the preview's SVG asks for first. */
export const PREVIEW_FAMILY = 'VanThu Preview';

let loading: Promise<boolean> | null = null;

/** Loads the four faces once; true when all of them are in the page. */
export function loadPreviewFonts(): Promise<boolean> {
  loading ??= load().catch(() => false);
  return loading;
}

async function load(): Promise<boolean> {
  if (typeof FontFace === 'undefined' || typeof document === 'undefined' || !document.fonts) return false;
  const faces = await Promise.all(
    [false, true].flatMap((bold) =>
      [false, true].map(async (italic) => {
        const bytes = await backend().previewFont(bold, italic);
        if (bytes.byteLength === 0) return null;
        const face = new FontFace(PREVIEW_FAMILY, bytes, {
          weight: bold ? '700' : '400',
          style: italic ? 'italic' : 'normal',
        });
        return face.load();
      }),
    ),
  );
  if (faces.some((f) => f === null)) return false;
  for (const f of faces) document.fonts.add(f!);
  return true;
}

/**
 * Where the baseline of each face (regular, bold, italic, bold italic) sits below the top of
 * an absolutely placed line of `line-height: 0`, as a share of the font size. The preview
 * places each run by its top; the layout gives baselines. Measured once the fonts are in,
 * because the font's own ascent and descent decide it.
 */
export function measureBaselines(family: string): number[] {
  return [false, true].flatMap((bold) =>
    [false, true].map((italic) => {
      const line = document.createElement('span');
      line.style.cssText =
        `position:absolute;left:0;top:0;visibility:hidden;line-height:0;white-space:pre;font-size:100px;` +
        `font-family:${family};font-weight:${bold ? 700 : 400};font-style:${italic ? 'italic' : 'normal'}`;
      line.textContent = 'Ãg';
      const mark = document.createElement('span');
      mark.style.cssText = 'display:inline-block;width:0;height:0;vertical-align:baseline';
      line.appendChild(mark);
      document.body.appendChild(line);
      const ratio = (mark.getBoundingClientRect().bottom - line.getBoundingClientRect().top) / 100;
      line.remove();
      return Number.isFinite(ratio) ? ratio : 0;
    }),
  );
}
