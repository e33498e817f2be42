/** API shapes of the product version page (mirrors src/services/sboms.service.ts). */
export interface SbomComponentItem {
  ref: string;
  type: string;
  name: string;
  version: string | null;
  purl: string | null;
  supplier: string | null;
  licences: string[];
  hardware: boolean;
}

export interface SbomOverview {
  sboms: { id: string; filename: string; format: string; specVersion: string; components: number; uploadedAt: string }[];
  components: SbomComponentItem[];
  quality: { entries: { component?: string; missing: string[] }[]; judged: number; incomplete: number } | null;
}

export interface VulnerabilityItem {
  id: string;
  purl: string;
  aliases: string[];
  severity: { level: string; score: number | null };
  range: string;
  fixed: string | null;
  kev: boolean;
  status: string | null;
}
