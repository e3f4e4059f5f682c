import { DataFactory } from 'n3';
import type { BlankNode, Literal, NamedNode, Quad, Quad_Object, Quad_Subject } from '@rdfjs/types';

/**
 * Namespaces of the DCAT-AP 3 export and small term helpers over the n3 data factory. The prefixes serve both
 * serialisations: Turtle @prefix lines and the embedded JSON-LD context, so neither needs a remote context.
 */
export const NS = {
  adms: 'http://www.w3.org/ns/adms#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dcatap: 'http://data.europa.eu/r5r/',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  spdx: 'http://spdx.org/rdf/terms#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

export type Prefix = keyof typeof NS;
export type RdfSubject = NamedNode | BlankNode;
export type { Quad };

const { namedNode, blankNode, literal, quad } = DataFactory;

/** A term of one of the namespaces: term('dct', 'title'). */
export function term(prefix: Prefix, local: string): NamedNode {
  return namedNode(NS[prefix] + local);
}

export const iri = (value: string): NamedNode => namedNode(value);
export const blank = (label: string): BlankNode => blankNode(label);
export const text = (value: string, language?: string): Literal => literal(value, language);
export const typed = (value: string, datatype: string): Literal => literal(value, term('xsd', datatype));

/** xsd:dateTime of a timestamp, or xsd:date of a YYYY-MM-DD string. */
export function dateLiteral(value: Date | string): Literal {
  return value instanceof Date ? typed(value.toISOString(), 'dateTime') : typed(value, 'date');
}

/** Collects the statements about one subject at a time; properties with no value are skipped. */
export class Triples {
  readonly quads: Quad[] = [];

  about(subject: RdfSubject, types: NamedNode[], properties: Array<[NamedNode, Quad_Object | Quad_Object[] | null | undefined]>): this {
    for (const type of types) this.quads.push(quad(subject as Quad_Subject, term('rdf', 'type'), type));
    for (const [predicate, value] of properties) {
      if (value === null || value === undefined) continue;
      for (const object of Array.isArray(value) ? value : [value]) this.quads.push(quad(subject as Quad_Subject, predicate, object));
    }
    return this;
  }
}
