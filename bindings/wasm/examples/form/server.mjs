// A small static server for the example form: the form's files from this directory, and the
// browser build of the package (../../pkg/web, made by ../../build.sh) under /pkg/.
//
//   node examples/form/server.mjs [port]     (default 8080; 0 picks a free port)
//
// It prints `listening on http://127.0.0.1:<port>/` once it accepts connections.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const FORM = [
  ["/pkg/", join(here, "..", "..", "pkg", "web")],
  ["/", here],
];
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

/** The file a URL path names under `roots` (`[prefix, folder]` pairs), or null when it leaves
 * its folder. */
function resolve(roots, pathname) {
  const path = decodeURIComponent(pathname);
  for (const [prefix, root] of roots) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length) || "index.html";
    const file = normalize(join(root, rest));
    return file === root || file.startsWith(root + sep) ? file : null;
  }
  return null;
}

/** Serves the example form (its files, and the package's browser build under /pkg/). */
export function serve(port = 8080, host = "127.0.0.1") {
  return serveFolders(FORM, port, host);
}

/** Serves the files of `roots` (`[prefix, folder]` pairs, the first matching prefix wins). */
export function serveFolders(roots, port = 8080, host = "127.0.0.1") {
  const server = createServer(async (req, res) => {
    let file = null;
    try {
      file = resolve(roots, new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      file = null;
    }
    if (!file || file.endsWith(".d.ts") || file.endsWith("server.mjs")) {
      res.writeHead(404).end("not found");
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
      });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((ready) => {
    server.listen(port, host, () => ready(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? process.env.PORT ?? 8080));
  console.log(`listening on http://127.0.0.1:${server.address().port}/`);
}
