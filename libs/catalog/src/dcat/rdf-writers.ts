import { Writer } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import { Writable } from 'node:stream';
import { NS } from './rdf-terms';

export type RdfFormat = 'jsonld' | 'turtle';

export const RDF_MEDIA_TYPES: Record<RdfFormat, string> = {
  jsonld: 'application/ld+json; charset=utf-8',
  turtle: 'text/turtle; charset=utf-8',
};

/** Writes one RDF document in parts, so a catalogue of any size goes out a page at a time. */
export interface RdfDocumentWriter {
  write(quads: Quad[]): void;
  end(): void;
}

export function rdfDocumentWriter(format: RdfFormat, out: Writable): RdfDocumentWriter {
  return format === 'turtle' ? new TurtleDocumentWriter(out) : new JsonLdDocumentWriter(out);
}

/** Turtle through n3's writer, which writes each statement to the stream as it is added. */
class TurtleDocumentWriter implements RdfDocumentWriter {
  private readonly writer: Writer;

  constructor(out: Writable) {
    this.writer = new Writer(out, { prefixes: NS, end: false });
  }

  write(quads: Quad[]): void {
    this.writer.addQuads(quads);
  }

  end(): void {
    this.writer.end();
  }
}

/**
 * The context is embedded (prefixes only, no remote @context), so any JSON-LD processor reads the document
 * offline. Properties and classes are written as compact IRIs (dct:title); node references as full IRIs.
 */
export const JSONLD_CONTEXT: Record<string, string> = { ...NS };

type JsonLdValue = Record<string, string>;
export type JsonLdNode = Record<string, string | string[] | JsonLdValue[]>;

/** Node objects in flattened form: one per subject, in order of first appearance. */
export function jsonLdNodes(quads: Quad[]): JsonLdNode[] {
  const nodes = new Map<string, JsonLdNode>();
  for (const { subject, predicate, object } of quads) {
    const id = nodeId(subject);
    let node = nodes.get(id);
    if (!node) nodes.set(id, (node = { '@id': id }));
    if (predicate.value === `${NS.rdf}type`) {
      ((node['@type'] ??= []) as string[]).push(compact(object.value));
    } else {
      ((node[compact(predicate.value)] ??= []) as JsonLdValue[]).push(jsonLdValue(object));
    }
  }
  return [...nodes.values()];
}

function nodeId(term: Term): string {
  return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

function jsonLdValue(object: Term): JsonLdValue {
  if (object.termType !== 'Literal') return { '@id': nodeId(object) };
  if (object.language) return { '@value': object.value, '@language': object.language };
  if (object.datatype.value === `${NS.xsd}string`) return { '@value': object.value };
  return { '@value': object.value, '@type': compact(object.datatype.value) };
}

const LOCAL_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function compact(value: string): string {
  for (const [prefix, namespace] of Object.entries(NS)) {
    if (value.startsWith(namespace) && LOCAL_NAME.test(value.slice(namespace.length))) return `${prefix}:${value.slice(namespace.length)}`;
  }
  return value;
}

class JsonLdDocumentWriter implements RdfDocumentWriter {
  private count = 0;

  constructor(private readonly out: Writable) {
    out.write(`{"@context":${JSON.stringify(JSONLD_CONTEXT)},"@graph":[`);
  }

  write(quads: Quad[]): void {
    const parts = jsonLdNodes(quads).map((node) => `${this.count++ ? ',' : ''}\n${JSON.stringify(node)}`);
    if (parts.length) this.out.write(parts.join(''));
  }

  end(): void {
    this.out.write('\n]}\n');
  }
}
