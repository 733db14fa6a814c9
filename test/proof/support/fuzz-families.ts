import { multipart } from '../../support/multipart';
import {
  encodeQuery,
  FuzzRequest,
  HUGE,
  ID_PARAMS,
  LONG_URL_PART,
  Op,
  SchemaFuzzer,
} from './fuzz-schema';

/** The request families per operation, on top of the schema mutations. */
export class Fuzzer extends SchemaFuzzer {
  /** The mutation families that apply to an operation, each a generator of one request. */
  families(op: Op): Record<string, () => FuzzRequest> {
    const f: Record<string, () => FuzzRequest> = {};
    const base = () => (op.json ? (this.valid(op.json) as Record<string, unknown>) : undefined);
    const plain = (category: string, url: string, headers: Record<string, string> = {}) => {
      const body = base();
      return body === undefined
        ? { category, method: op.method, url, headers: { ...this.token, ...headers } }
        : {
            ...this.json(op, category, url, body),
            headers: { ...this.token, 'Content-Type': 'application/json', ...headers },
          };
    };
    f['malformed JSON'] = () => ({
      category: 'malformed JSON',
      method: op.method,
      url: this.pathFor(op),
      headers: { ...this.token, 'Content-Type': 'application/json' },
      body: this.pick([
        '{',
        '{"a":',
        '{"a":1}}',
        "{'a':1}",
        '[1,2',
        'nul',
        '{"a":1,}',
        '\u0000',
        '"x',
        '{"a":"\\x"}',
      ]),
    });
    if (op.json) {
      const schema = this.resolve(op.json);
      const props = Object.entries(schema.properties ?? {});
      if (schema.required?.length) {
        f['missing required field'] = () => {
          const body = base()!;
          delete body[this.pick(schema.required!)];
          return this.json(op, 'missing required field', this.pathFor(op), body);
        };
      }
      if (props.length) {
        f['wrong type / bad value'] = () => {
          const body = base()!;
          const [name, prop] = this.pick(props);
          body[name] = this.pick(this.invalid(prop, (schema.required ?? []).includes(name)));
          return this.json(op, 'wrong type / bad value', this.pathFor(op), body);
        };
      }
      const stringProps = props.filter(([, p]) => {
        const s = this.resolve(p);
        return s.type === 'string' && (s.maxLength !== undefined || s.enum || s.format);
      });
      if (stringProps.length) {
        f['huge string'] = () => {
          const body = base()!;
          body[this.pick(stringProps)[0]] = HUGE;
          return this.json(op, 'huge string', this.pathFor(op), body);
        };
      }
      f['extra field'] = () => {
        const body = base()!;
        body[
          this.pick(['__proto__x', 'isAdmin', 'clientId', `f${Math.floor(this.random() * 1e6)}`])
        ] = this.pick([1, 'x', { nested: true }, null, HUGE]);
        return this.json(op, 'extra field', this.pathFor(op), body);
      };
      f['prototype keys'] = () => {
        const json = JSON.stringify(base());
        const key = this.pick(['__proto__', 'constructor']);
        // Prototype keys alone are dropped silently, so an unknown field rides along.
        const extra = `"${key}":{"isAdmin":true,"prototype":{"polluted":1}},"fuzzExtra":1`;
        return {
          ...this.json(op, 'prototype keys', this.pathFor(op), {}),
          body: json === '{}' ? `{${extra}}` : `{${extra},${json.slice(1)}`,
        };
      };
      f['deeply nested'] = () => {
        const depth = 50 + Math.floor(this.random() * 500);
        const body = JSON.stringify(base()).slice(0, -1);
        const nested = `${'['.repeat(depth)}1${']'.repeat(depth)}`;
        return {
          ...this.json(op, 'deeply nested', this.pathFor(op), {}),
          body: `${body}${body.length > 1 ? ',' : ''}"deep":${nested}}`,
        };
      };
      f['over the size limit'] = () => ({
        ...this.json(op, 'over the size limit', this.pathFor(op), {}),
        body: JSON.stringify({ ...base(), pad: HUGE.repeat(11) }),
      });
      f['not an object'] = () =>
        this.json(
          op,
          'not an object',
          this.pathFor(op),
          this.pick([[], [base()], 'text', 42, null, true]),
        );
      // A JSON route reads an unparsed multipart body as {}: only a wrong type where {} is invalid.
      const contentTypes = [
        'text/plain',
        'application/xml',
        'application/octet-stream',
        'application/json; charset=utf-16',
        'application/x-www-form-urlencoded',
        ...(schema.required?.length ? ['multipart/form-data; boundary=zz'] : []),
      ];
      f['wrong content type'] = () => ({
        category: 'wrong content type',
        method: op.method,
        url: this.pathFor(op),
        headers: {
          ...this.token,
          'Content-Type': this.pick(contentTypes),
        },
        body: JSON.stringify(base()),
      });
    }
    if (op.multipart) {
      f['bad multipart'] = () => {
        const variant = this.pick(['no file part', 'json', 'truncated', 'wrong boundary']);
        const headers: Record<string, string> = { ...this.token };
        let body: string | Buffer;
        if (variant === 'json') {
          headers['Content-Type'] = 'application/json';
          body = JSON.stringify({ file: 'x' });
        } else {
          const parts =
            variant === 'no file part'
              ? [{ field: 'other', content: 'x' }]
              : [{ filename: 'a.bpmn', contentType: 'application/xml', content: '<a/>' }];
          const built = multipart(parts);
          headers['Content-Type'] =
            variant === 'wrong boundary' ? 'multipart/form-data; boundary=nope' : built.contentType;
          body =
            variant === 'truncated' ? built.body.subarray(0, built.body.length - 20) : built.body;
        }
        return {
          category: `bad multipart (${variant})`,
          method: op.method,
          url: this.pathFor(op),
          headers,
          body,
        };
      };
    }
    const query = op.params.filter((p) => p.in === 'query');
    if (query.length) {
      f['bad query param'] = () => {
        const p = this.pick(query);
        const schema = this.resolve(p.schema ?? {});
        const special: unknown[] =
          p.name === 'limit'
            ? ['-1', 'abc', '1000000000', '0', '201', '1.5', '', ['1', '2'], { gt: '1' }]
            : p.name === 'cursor'
              ? [
                  'garbage',
                  Buffer.from('{"x":1}').toString('base64url'),
                  'eyJ9',
                  LONG_URL_PART,
                  ['a', 'b'],
                ]
              : [];
        const value = this.pick(special.length ? special : this.invalidQuery(schema));
        return plain('bad query param', `${this.pathFor(op)}?${encodeQuery(p.name, value)}`);
      };
      f['unknown query param'] = () =>
        plain(
          'unknown query param',
          `${this.pathFor(op)}?${encodeQuery(`x${Math.floor(this.random() * 1e4)}`, '1')}`,
        );
    }
    const ids = op.params.filter((p) => p.in === 'path' && ID_PARAMS.has(p.name));
    if (ids.length) {
      f['bad id'] = () => {
        const p = this.pick(ids);
        const kind = this.pick(['non-uuid', 'random uuid', 'other tenant', 'long', 'unicode']);
        const value =
          kind === 'non-uuid'
            ? this.pick([
                'abc',
                '1',
                "1' or '1'='1",
                '../../etc',
                '00000000-0000-0000-0000-00000000000g',
              ])
            : kind === 'random uuid'
              ? this.uuid()
              : kind === 'other tenant'
                ? this.strangerId(op, p.name)
                : kind === 'long'
                  ? LONG_URL_PART
                  : 'ü💥\u0001';
        return plain(`bad id (${kind})`, this.pathFor(op, { [p.name]: value }));
      };
    }
    if (op.secured) {
      f['malformed token'] = () => {
        const [label, token] = this.pick(this.badTokens);
        return plain(`malformed token (${label})`, this.pathFor(op), {
          Authorization: `Bearer ${token}`,
        });
      };
    }
    if (op.params.some((p) => p.in === 'header' && p.name === 'If-Match')) {
      f['bad If-Match'] = () =>
        plain('bad If-Match', this.pathFor(op), {
          'If-Match': this.pick([
            'abc',
            '0',
            '-1',
            '"1',
            'W/abc',
            '1234567890',
            '1.5',
            '1, 2',
            LONG_URL_PART,
          ]),
        });
    }
    if (op.params.some((p) => p.in === 'path' && p.name === 'state')) {
      f['bad enum in path'] = () =>
        plain(
          'bad enum in path',
          this.pathFor(op, { state: this.pick(['FOO', 'new', 'NEW ', LONG_URL_PART]) }),
        );
    }
    return f;
  }
}
