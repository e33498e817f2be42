import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package loaded on its first use instead of at start-up: the server starts
 * with what every request needs, and a feature's libraries (password strength
 * dictionaries, zip, YAML, JSON Schema) are read when that feature is first used.
 * The package's CommonJS entry is loaded synchronously, so callers stay synchronous.
 */
export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(name) as T;
    return loaded;
  };
}

/**
 * An ES-module-only package imported on its first use (its callers are
 * asynchronous anyway); the one import is shared by every caller.
 */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load();
    return loading;
  };
}

/** YAML: content files, scope files and exports. */
export const loadYaml = lazyPackage<typeof import('yaml')>('yaml');
/** fast-xml-parser: CycloneDX XML and OSCAL XML. */
export const loadXmlParser = lazyPackage<typeof import('fast-xml-parser')>('fast-xml-parser');
/** JSZip: OSV archives and scheme packs. */
export const loadJsZip = lazyPackage<typeof import('jszip')>('jszip');
