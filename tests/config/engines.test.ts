// Every locked dependency supports the Node versions package.json claims, so
// that `npm ci` prints no EBADENGINE warning on them.
import fs from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url);
const pkg = JSON.parse(fs.readFileSync(new URL("package.json", root), "utf8")) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync(new URL("package-lock.json", root), "utf8")) as {
  packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean; os?: string[]; cpu?: string[] }>;
};

// The oldest release of each line the README names as supported.
const SUPPORTED = ["20.19.0", "22.13.0", "24.0.0"];

describe("Node versions", () => {
  it("package.json's engines admit the supported lines and this Node", () => {
    for (const v of [...SUPPORTED, process.version]) expect(semver.satisfies(v, pkg.engines.node), v).toBe(true);
  });

  it.each(SUPPORTED)("every locked package installed on Linux x64 supports Node %s", (version) => {
    const refused = Object.entries(lock.packages)
      .filter(([name, p]) => name && !(p.os && !p.os.includes("linux")) && !(p.cpu && !p.cpu.includes("x64")))
      .filter(([, p]) => !Array.isArray(p.engines) && p.engines?.node && !semver.satisfies(version, p.engines.node, { includePrerelease: true }))
      .map(([name, p]) => `${name} (${(p.engines as { node: string }).node})`);
    expect(refused).toEqual([]);
  });
});
