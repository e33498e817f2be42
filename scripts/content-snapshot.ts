// npm run build: the bundled edition as one validated JSON snapshot (dist/content-snapshot.json),
// so that a first start skips parsing and validating every YAML file.
import { contentSnapshotFile, writeContentSnapshot } from '../src/content/content-snapshot.js';

const result = writeContentSnapshot();
if (!result.ok) {
  console.error(`content/ is invalid; no snapshot written:\n  ${result.problems.slice(0, 10).join('\n  ')}`);
  process.exit(1);
}
console.log(`content snapshot: ${contentSnapshotFile()}`);
