import { describe, expect, it } from 'vitest';
import {
  fieldsMentioned,
  fillGuideText,
  fillPlaceholders,
  inlineTransforms,
  pluginsToBlocks,
  providersQuery,
} from './guide-plugins.js';

const plugin =
  '!{investigate{"label":"Alerts on {{host.name}}","providers":[[{"excluded":false,"field":"host.name","queryType":"phrase","value":"{{host.name}}","valueType":"string"}]]}}';

describe('pluginsToBlocks', () => {
  it('turns an inline plugin into a fenced block of its JSON', () => {
    expect(pluginsToBlocks(`Before ${plugin} after`)).toBe(
      `Before \n\n\`\`\`\`kibana-plugin-investigate\n${plugin.slice(13, -1)}\n\`\`\`\`\n\n after`,
    );
  });

  it('leaves malformed or unknown plugins as text', () => {
    expect(pluginsToBlocks('!{investigate{"label": }')).toBe('!{investigate{"label": }');
    expect(pluginsToBlocks('!{lens{"a":1}}')).toBe('!{lens{"a":1}}');
  });
});

describe('inlineTransforms', () => {
  it('puts detection-rules transforms back inline', () => {
    expect(inlineTransforms('See $osquery_0.', { osquery: [{ label: 'L', query: 'SELECT 1' }] })).toBe(
      'See !{osquery{"label":"L","query":"SELECT 1"}}.',
    );
    expect(inlineTransforms('See $osquery_3.', { osquery: [] })).toBe('See $osquery_3.');
  });
});

describe('fillPlaceholders', () => {
  it('fills fields present in the event and keeps the others', () => {
    expect(fillPlaceholders('Host {{host.name}}, user {{ user.name }}', { host: { name: 'WS5' } })).toBe(
      'Host WS5, user {{ user.name }}',
    );
    expect(fillPlaceholders('{{host.name}}', undefined)).toBe('{{host.name}}');
  });
});

describe('fieldsMentioned', () => {
  it('lists dotted fields the guide names that the event has', () => {
    const source = { process: { name: 'WINWORD.EXE' }, dll: { name: 'wmiutils.dll' } };
    expect(
      fieldsMentioned('Check `process.name` and dll.name, then process.name again; user.name too.', source),
    ).toEqual([
      { name: 'process.name', value: 'WINWORD.EXE' },
      { name: 'dll.name', value: 'wmiutils.dll' },
    ]);
  });

  it('only lists names the event has, skipping URLs', () => {
    expect(fieldsMentioned('Open wmiutils.dll via https://ela.st/x', { wmiutils: { dll: 'no' } })).toEqual([
      { name: 'wmiutils.dll', value: 'no' },
    ]);
  });
});

describe('fillGuideText', () => {
  it('fills text placeholders as code and leaves plugin blocks to the card', () => {
    const markdown = pluginsToBlocks(`On {{host.name}}: ${plugin}`);
    const filled = fillGuideText(markdown, { host: { name: 'W`S5' } });
    expect(filled.startsWith('On `` W`S5 ``: ')).toBe(true);
    expect(filled).toContain('"value":"{{host.name}}"');
  });
});

describe('providersQuery', () => {
  it('joins providers with AND inside a group and OR between groups', () => {
    expect(
      providersQuery([
        [
          { field: 'host.name', value: 'WS5' },
          { field: 'user.name', value: 'bob', excluded: true },
        ],
        [{ field: 'process.pid', value: 42 }],
      ]),
    ).toBe('(host.name: "WS5" AND NOT user.name: "bob") OR (process.pid: "42")');
  });
});
