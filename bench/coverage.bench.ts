import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { importOscalCatalog } from '../src/content/oscal/import-catalog.js';
import { coverageOf, itemsBackedByNoStandard } from '../src/core/coverage/coverage.js';
import { bundledAndSynthetic } from './lib/editions.js';
import { report } from './lib/harness.js';
import { medianMs } from './lib/timing.js';

/**
 * Issue 5: coverage and gaps for every standard on the bundled edition and on
 * a synthetic edition 50 times larger, beside the floor measured in the same
 * run (one pass that only reads every mapping); and the import of the rev3 XML
 * beside parsing the same file alone.
 */
export function coverageBench(options: { runs: number }) {
  const results = [];
  for (const [label, edition] of bundledAndSynthetic(50)) {
    const mappings = edition.requirements.reduce((n, r) => n + r.mappings.length, 0);
    const all = () => {
      for (const s of edition.standards) coverageOf(edition, s.id);
      itemsBackedByNoStandard(edition);
    };
    // The floor: touch every mapping once per standard, as any coverage computation must.
    const floor = () => {
      let n = 0;
      for (const s of edition.standards) for (const r of edition.requirements) for (const m of r.mappings) if (m.standard === s.id) n += m.requirement.length;
      return n;
    };
    results.push(
      report(
        `coverage+gaps, all ${edition.standards.length} standards, ${label} (${edition.requirements.length} items, ${mappings} mappings)`,
        medianMs(all, options.runs),
        'ms',
        'read-every-mapping floor',
        medianMs(floor, options.runs),
      ),
    );
  }
  const xmlPath = join(import.meta.dirname, '..', '..', 'shared', 'data', 'nist', 'NIST_SP800-171_rev3_catalog.xml');
  let xml: string;
  try {
    xml = readFileSync(xmlPath, 'utf8');
  } catch {
    console.log(`(skipped the OSCAL import benchmark: ${xmlPath} not found)`);
    return results;
  }
  const parser = new XMLParser({ ignoreAttributes: false });
  results.push(
    report(
      'import NIST SP 800-171r3 OSCAL XML',
      medianMs(() => importOscalCatalog(xml, 'rev3.xml'), options.runs),
      'ms',
      'fast-xml-parser parse alone',
      medianMs(() => parser.parse(xml), options.runs),
    ),
  );
  return results;
}
