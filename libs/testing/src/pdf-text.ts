import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * pdf.js ships only as ES modules, which jest's CommonJS runtime cannot load, so the reading runs in a
 * worker thread: plain Node there, where `import()` of the legacy (Node) build works.
 */
const READ_IN_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const pdfjs = await import(workerData.pdfjsUrl);
  const task = pdfjs.getDocument({ data: workerData.data, isEvalSupported: false, verbosity: 0 });
  const pdf = await task.promise;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\\n' : '') : '')).join(''));
  }
  const { info } = await pdf.getMetadata();
  await task.destroy();
  return { text: pages.join('\\f'), info: JSON.parse(JSON.stringify(info)) };
})().then(
  (result) => parentPort.postMessage({ result }),
  (error) => parentPort.postMessage({ error: String((error && error.stack) || error) }),
);
`;

interface PdfContent {
  text: string;
  info: Record<string, unknown>;
}

function readPdf(buffer: Buffer): Promise<PdfContent> {
  const pdfjsUrl = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  const data = new Uint8Array(buffer);
  return new Promise((resolve, reject) => {
    const worker = new Worker(READ_IN_WORKER, { eval: true, workerData: { pdfjsUrl, data } });
    worker.once('message', (message: { result?: PdfContent; error?: string }) => {
      worker.terminate();
      if (message.result) resolve(message.result);
      else reject(new Error(`pdf.js could not read the PDF: ${message.error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`PDF reader worker exited with code ${code}`)));
  });
}

/**
 * The text of a PDF, extracted with pdf.js: the text of each page, lines ended by `\n`, pages separated
 * by a form feed (`\f`), so `(await pdfText(pdf)).split('\f')` gives the pages.
 */
export async function pdfText(buffer: Buffer): Promise<string> {
  return (await readPdf(buffer)).text;
}

/** The document information dictionary of a PDF (`Title`, `Author`, `Subject`, `Creator`, …), decoded. */
export async function pdfInfo(buffer: Buffer): Promise<Record<string, unknown>> {
  return (await readPdf(buffer)).info;
}
