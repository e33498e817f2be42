/** Just enough HTML reading for probes: links and forms. Pages of IoT devices are small and plain. */

export interface FormInput {
  name: string;
  type: string;
}

export interface HtmlForm {
  action: string;
  method: 'GET' | 'POST';
  inputs: FormInput[];
  hasPassword: boolean;
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : undefined;
};

export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e] ?? '');
}

export function extractLinks(html: string): string[] {
  const links: string[] = [];
  for (const m of html.matchAll(/<a\b[^>]*>/gi)) {
    const href = attr(m[0], 'href');
    if (href) links.push(href);
  }
  return links;
}

export function extractForms(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)(?:<\/form>|$)/gi)) {
    const open = `<form ${m[1] ?? ''}>`;
    const inputs: FormInput[] = [];
    for (const i of (m[2] ?? '').matchAll(/<(input|textarea|select)\b[^>]*>/gi)) {
      const name = attr(i[0], 'name');
      if (!name) continue;
      const type = (i[1]?.toLowerCase() === 'input' ? attr(i[0], 'type') : i[1]) ?? 'text';
      inputs.push({ name, type: type.toLowerCase() });
    }
    const method = (attr(open, 'method') ?? 'GET').toUpperCase() === 'POST' ? 'POST' : 'GET';
    forms.push({ action: attr(open, 'action') ?? '', method, inputs, hasPassword: inputs.some((i) => i.type === 'password') });
  }
  return forms;
}
