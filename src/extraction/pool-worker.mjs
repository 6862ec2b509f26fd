// Entry of an extraction pool thread. A worker thread starts as plain Node,
// whoever started the process (tsx, the test runner), so it loads the
// TypeScript task through tsx's own loader.
import { tsImport } from "tsx/esm/api";

const task = await tsImport("./pool-task.ts", import.meta.url);

export default task.default;
