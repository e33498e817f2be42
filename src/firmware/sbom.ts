/**
 * The image's components as a CycloneDX 1.6 SBOM (@cyclonedx/cyclonedx-library,
 * purls from packageurl-js), so the SBOM and vulnerability work can match it.
 */
import { createRequire } from 'node:module';
import type * as CycloneDX from '@cyclonedx/cyclonedx-library';
import { PackageURL } from 'packageurl-js';
import type { FirmwareComponent } from './checks/components.check.js';

const require = createRequire(import.meta.url);
let library: typeof CycloneDX | undefined;

/** The library loads on the first SBOM written, not when the server starts (a fifth of a second of start-up). */
function cyclonedx(): typeof CycloneDX {
  library ??= require('@cyclonedx/cyclonedx-library') as typeof CycloneDX;
  return library;
}

export interface SbomSubject {
  name: string;
  sha256: string;
  analysedAt: string;
}

export function purlOf(c: FirmwareComponent): string {
  const qualifiers = c.arch ? { arch: c.arch } : undefined;
  if (c.source === 'dpkg') return new PackageURL('deb', 'debian', c.name, c.version, qualifiers, undefined).toString();
  if (c.source === 'apk') return new PackageURL('apk', 'alpine', c.name, c.version, qualifiers, undefined).toString();
  return new PackageURL('generic', undefined, c.name, c.version, qualifiers, undefined).toString();
}

function cpeOf(c: FirmwareComponent): string | undefined {
  if (!c.cpe) return undefined;
  const version = c.version.replace(/[^A-Za-z0-9._-]/g, '_');
  return `cpe:2.3:${c.cpe}:${version}:*:*:*:*:*:*:*`;
}

/** The SBOM as a CycloneDX 1.6 JSON string (deterministic order). */
export function firmwareSbom(subject: SbomSubject, components: readonly FirmwareComponent[]): string {
  const { Enums, Models, Serialize, Spec } = cyclonedx();
  const bom = new Models.Bom();
  bom.metadata.timestamp = new Date(subject.analysedAt);
  bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, 'tebiki firmware'));
  const image = new Models.Component(Enums.ComponentType.Firmware, subject.name, { bomRef: 'firmware-image' });
  image.hashes.set(Enums.HashAlgorithm['SHA-256'], subject.sha256);
  bom.metadata.component = image;
  const seen = new Set<string>();
  for (const c of components) {
    const purl = purlOf(c);
    if (seen.has(purl)) continue;
    seen.add(purl);
    const component = new Models.Component(c.name === 'linux' ? Enums.ComponentType.OperatingSystem : Enums.ComponentType.Library, c.name, {
      bomRef: purl,
      version: c.version,
      purl,
      cpe: cpeOf(c),
    });
    component.properties.add(new Models.Property('tebiki:firmware:source', c.source));
    component.properties.add(new Models.Property('tebiki:firmware:path', c.path));
    bom.components.add(component);
    image.dependencies.add(component.bomRef);
  }
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
  return serializer.serialize(bom, { sortLists: true, space: 2 });
}
