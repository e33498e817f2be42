import type { Localized, Standard, StandardNode } from '../model/edition.schema.js';
import type { CoverageFilters } from './coverage.types.js';

const text = (ja: string, en: string): Localized => ({ ja, en });

/**
 * Why a standard requirement does not apply under the filters, or null when it
 * applies. The rules:
 * - withdrawn and informative nodes never apply;
 * - a status filter keeps nodes with one of the statuses (nodes without a status pass);
 * - a conditional node applies only when every one of its conditions holds
 *   (when conditionsHeld is given);
 * - a security level keeps nodes whose levels include it (nodes without level data pass);
 * - a component type keeps the generic requirements and the variants of that
 *   type; a requirement delegated to device-type variants gives way to the
 *   variant of that type, or does not apply when there is none.
 */
export function notApplicableReason(node: StandardNode, filters: CoverageFilters): Localized | null {
  if (node.status === 'withdrawn') return text('撤回された要求', 'withdrawn');
  if (node.status === 'informative') return text('コンポーネントとしての要求がない（参考）', 'no component-level requirement (informative)');
  if (filters.statuses && node.status && !filters.statuses.includes(node.status)) {
    return text(`状態が対象外（${node.status}）`, `status ${node.status} is not selected`);
  }
  const conditions = node.conditions ?? [];
  if (filters.conditionsHeld && conditions.length > 0 && !conditions.every((c) => filters.conditionsHeld?.includes(c))) {
    return text(`条件 ${conditions.join(', ')} が成り立たない`, `condition ${conditions.join(', ')} does not hold`);
  }
  if (filters.securityLevel !== undefined && node.levels && !node.levels.includes(String(filters.securityLevel))) {
    const from = node.levels[0] ?? '?';
    return text(`SL ${from} 以上で適用`, `applies from SL ${from}`);
  }
  const type = filters.componentType;
  if (type && node.kind === 'variant' && !(node.appliesTo ?? []).includes(type)) {
    return text(`${(node.appliesTo ?? []).join('/')} 向けの派生要求`, `variant for ${(node.appliesTo ?? []).join('/')}`);
  }
  if (type && node.kind !== 'variant') {
    const variants = (node.children ?? []).filter((c) => c.kind === 'variant');
    if (variants.length > 0) {
      const own = variants.find((v) => (v.appliesTo ?? []).includes(type));
      return own
        ? text(`機器種別ごとの要求：${own.id} を参照`, `device-type specific: see ${own.id}`)
        : text(`${type} には適用されない機器種別ごとの要求`, `device-type specific, none for ${type}`);
    }
  }
  return null;
}

/** The confidence that applies to a node: its own, else its standard's. */
export function confidenceOf(node: StandardNode, standard: Standard): string {
  return node.confidence ?? standard.confidence;
}
