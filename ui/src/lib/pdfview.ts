// Draws PDF bytes as page images with pdf.js (bundled; its worker is a file of the app, so
// parsing never blocks the form). The canvases of a render replace the old ones only when all
// pages are drawn, so the preview never flickers while the clerk types.
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

// One worker for the life of the window: starting pdf.js's worker (a 1.3 MB script) for every
// refresh would cost more than drawing the pages.
let worker: pdfjs.PDFWorker | null = null;

/** Renders every page of `bytes` to canvases `width` CSS pixels wide. */
export async function renderPages(bytes: Uint8Array, width: number): Promise<HTMLCanvasElement[]> {
  // pdf.js takes ownership of the buffer it is given: pass a copy.
  worker ??= new pdfjs.PDFWorker();
  const task = pdfjs.getDocument({ data: bytes.slice(), worker });
  const pdf = await task.promise;
  try {
    const ratio = window.devicePixelRatio || 1;
    const canvases: HTMLCanvasElement[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: (width / base.width) * ratio });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
      await page.render({ canvas, viewport }).promise;
      canvases.push(canvas);
    }
    return canvases;
  } finally {
    void task.destroy();
  }
}
