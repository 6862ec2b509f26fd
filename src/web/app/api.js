// The public API, and nothing else: JSON pages and NDJSON streams.

export class ApiError extends Error {
  constructor(path, status, problem) {
    super(problem?.detail ?? `GET ${path}: ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

function query(params = {}) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const value of Array.isArray(v) ? v : [v]) if (value !== undefined && value !== null && value !== "") search.append(k, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : "";
}

export async function getJson(path, params) {
  const url = `/v1${path}${query(params)}`;
  const res = await fetch(url, { headers: { accept: "application/json" } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(url, res.status, body);
  return body;
}

/** Every item of a list, in one streamed NDJSON response. */
export async function getAll(path, params) {
  const url = `/v1${path}${query({ ...params, format: "ndjson" })}`;
  const res = await fetch(url);
  if (!res.ok) throw new ApiError(url, res.status, await res.json().catch(() => null));
  const text = await res.text();
  return text.split("\n").filter(Boolean).map((line) => JSON.parse(line));
}
