// Serves the checker page as the npm package ships it: pkg/checker/ (made by ../../build.sh),
// the page and the checker module side by side.
//
//   node examples/checker/server.mjs [port]     (default 8081; 0 picks a free port)
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveFolders } from "../form/server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const CHECKER = join(here, "..", "..", "pkg", "checker");

export function serve(port = 8081, host = "127.0.0.1") {
  return serveFolders([["/", CHECKER]], port, host);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? process.env.PORT ?? 8081));
  console.log(`listening on http://127.0.0.1:${server.address().port}/`);
}
