// The explorer, a web page for people at /, served by hoptac itself: its own
// files from src/web, and the chart and graph libraries' browser builds from
// their npm packages (no CDN: the content security policy allows only 'self').
import { createReadStream } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

const WEB_ROOT = fileURLToPath(new URL("../web/", import.meta.url));

const require = createRequire(import.meta.url);
const distOf = (pkg: string) => path.dirname(require.resolve(pkg));

/** The libraries' ES module builds, by the name the explorer imports them under. */
const VENDOR: Record<string, string> = {
  "echarts.esm.min.mjs": path.join(distOf("echarts"), "echarts.esm.min.mjs"),
  "cytoscape.esm.min.mjs": path.join(distOf("cytoscape"), "cytoscape.esm.min.mjs"),
};

export async function registerExplorer(app: FastifyInstance): Promise<void> {
  // One route per file found at start (no wildcard), so that other paths stay the API's 404s.
  await app.register(fastifyStatic, { root: WEB_ROOT, prefix: "/", wildcard: false, index: "index.html", schemaHide: true, decorateReply: false });
  for (const [name, file] of Object.entries(VENDOR)) {
    app.get(`/vendor/${name}`, { schema: { hide: true } }, async (_request, reply) =>
      reply.type("text/javascript; charset=utf-8").header("cache-control", "public, max-age=86400").send(createReadStream(file)),
    );
  }
}
