import rootPackage from "../../../../package.json" with { type: "json" };

/**
 * The Node.js jobsync runs on. The root package.json says it once: `engines.node` is the range required, and the
 * `node` dependency is the exact runtime `npm install` puts in node_modules, which every npm script (start, worker,
 * cli, test, bench) runs on whatever the machine's own Node is.
 */
export const REQUIRED_NODE_RANGE: string = rootPackage.engines.node;
export const PINNED_NODE_VERSION: string = rootPackage.dependencies.node;

function majorOf(version: string): number {
  const match = /^v?(\d+)\./.exec(version);
  if (!match) throw new Error(`not a Node.js version: "${version}"`);
  return Number(match[1]);
}

/** The lowest major `engines.node` allows (it is written `>=N`). */
export function requiredNodeMajor(range: string = REQUIRED_NODE_RANGE): number {
  const match = /^>=\s*(\d+)(\.\d+){0,2}$/.exec(range.trim());
  if (!match) throw new Error(`engines.node must read ">=N", got "${range}"`);
  return Number(match[1]);
}

/** Why this Node cannot run jobsync, or null when it can. */
export function nodeRuntimeProblem(version: string = process.version): string | null {
  const required = requiredNodeMajor();
  if (majorOf(version) >= required) return null;
  return (
    `jobsync needs Node.js ${REQUIRED_NODE_RANGE} and this is ${version}. ` +
    `Run it through npm (npm start, npm run worker, npm run cli), which uses the Node.js ${PINNED_NODE_VERSION} ` +
    "that npm install put in node_modules, or install Node.js " +
    `${required} or later.`
  );
}

/** For the entry points: exit 1 with the reason when this Node is too old. */
export function exitUnlessNodeSupported(): void {
  const problem = nodeRuntimeProblem();
  if (problem === null) return;
  console.error(problem);
  process.exit(1);
}
