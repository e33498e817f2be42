// npm run build: the migrated empty SQLite database a first start copies (src/store/sqlite-template.ts).
import { emptyDatabaseFile } from '../src/store/sqlite-template.js';
import { writeEmptyDatabase } from '../src/store/write-empty-database.js';

await writeEmptyDatabase();
console.log(`empty database: ${emptyDatabaseFile()}`);
