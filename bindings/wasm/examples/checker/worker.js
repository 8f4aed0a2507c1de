// Reads an export with File.stream() and checks it with the core's export reader (the
// checker module), in constant memory: each chunk is pushed, and the rows it completes are
// checked at once. Nothing is sent anywhere; the problems go back to the page in batches.
import init, { ExportSession, excelCsv, formatOf } from "./unilogin_checker.js";

const ready = init();

async function check({ id, file, kind, lang }) {
  const format = JSON.parse(formatOf(file.name, lang));
  if (format.error) {
    const report = { problems: [], summary: null, error: format.error };
    postMessage({ id, type: "done", bytes: 0, total: file.size, rows: 0, problems: [], report, kind: null });
    return;
  }
  const session = new ExportSession(kind, format.format, lang, 0);
  try {
    const reader = file.stream().getReader();
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      session.push(value);
      bytes += value.byteLength;
      const problems = JSON.parse(session.drain());
      postMessage({ id, type: "progress", bytes, total: file.size, rows: session.rows, problems });
      if (session.ended) {
        await reader.cancel();
        break;
      }
    }
    session.end();
    const problems = JSON.parse(session.drain());
    const report = JSON.parse(session.report());
    postMessage({ id, type: "done", bytes, total: file.size, rows: session.rows, problems, report, kind: session.kind });
  } finally {
    session.free();
  }
}

self.onmessage = async ({ data }) => {
  await ready;
  try {
    if (data.type === "check") await check(data);
    else if (data.type === "csv") postMessage({ id: data.id, type: "csv", text: excelCsv(JSON.stringify(data.problems)) });
  } catch (error) {
    postMessage({ id: data.id, type: "error", message: String(error?.message ?? error) });
  }
};

ready.then(() => postMessage({ type: "ready" }));
