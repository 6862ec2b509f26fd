// The floor under the API's throughput on this machine: a bare node:http
// server with no framework, no hooks and no validation that answers each of
// the benchmark's paths by running the API's statements for it (the same
// reader, pools and plans) and sending their rows as JSON, compressed as the
// API compresses when the request asks (its levels, in the request's turn).
// bench/api.ts --floor runs it in its own process, as the API runs, so that
// the gap between the API and the SQL over pg splits into what HTTP on these
// cores costs (floor/pg) and what the API adds to it (API/floor). A page of
// events is no floor here: its rows are the page's text as Postgres hands it
// over (page-body.ts), sent in its JSON as a string, where the API sends the
// bytes.
//
//   tsx bench/http-floor.ts   (DATABASE_URL, PORT, FLOOR_PATHS: a JSON array of paths)
import http from "node:http";
import zlib from "node:zlib";
import { COMPRESSION } from "../src/api/http-plugins.ts";
import { poolReader } from "../src/db/reader.ts";
import { requestStatements } from "./request-statements.ts";

const databaseUrl = process.env.DATABASE_URL!;
const reader = poolReader([databaseUrl]);
const statements = await requestStatements(databaseUrl, reader, JSON.parse(process.env.FLOOR_PATHS ?? "[]") as string[]);


const server = http.createServer((req, res) => {
  const queries = statements.get(req.url ?? "");
  if (!queries) {
    res.writeHead(404).end();
    return;
  }
  Promise.all(queries.map((q) => reader.query(q))).then(
    (rows) => {
      const json = JSON.stringify(rows);
      const accepted = String(req.headers["accept-encoding"] ?? "");
      const encoding = /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : undefined;
      const body = encoding === "br" ? zlib.brotliCompressSync(json, COMPRESSION.brotliOptions) : encoding === "gzip" ? zlib.gzipSync(json, COMPRESSION.zlibOptions) : Buffer.from(json);
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": body.length, ...(encoding ? { "content-encoding": encoding } : {}) });
      res.end(body);
    },
    (err: Error) => {
      res.writeHead(500).end(err.message);
    },
  );
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log(`serving http://127.0.0.1:${process.env.PORT}`));
process.once("SIGTERM", () => {
  server.close();
  void reader.close().then(() => process.exit(0));
});
