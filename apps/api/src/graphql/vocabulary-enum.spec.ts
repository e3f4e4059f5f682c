import { DATASET_STATUS_LABELS, OBLIGATION_KINDS, OPEN_ATTRIBUTES, PRIORITY_DOMAINS, REVIEW_ACTIONS, SHARE_ATTRIBUTES, UPDATE_FREQUENCIES, WORKFLOW_STATES } from '@opendata/catalog';
import { NEGATIVE_RULE_KINDS } from '@opendata/validation';
import { GraphQLEnumType, GraphQLSchema } from 'graphql';
import { buildPublicSchema } from './public-schema';
import { enumValueName } from './vocabulary-enum';

describe('enumValueName', () => {
  it.each([
    ['draft', 'DRAFT'],
    ['updatePending', 'UPDATE_PENDING'],
    ['within-working-days', 'WITHIN_WORKING_DAYS'],
    ['NOT_OPEN', 'NOT_OPEN'],
  ])('names %s %s', (value, name) => {
    expect(enumValueName(value)).toBe(name);
  });
});

describe('enums made from the vocabularies of the libs', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildPublicSchema();
  });

  const values = (name: string) => {
    const type = schema.getType(name) as GraphQLEnumType;
    return Object.fromEntries(type.getValues().map((v) => [v.name, { value: v.value, description: v.description }]));
  };

  it('have one value per vocabulary entry, carrying the key and described by the label', () => {
    for (const [name, vocabulary] of [
      ['OpenAttribute', OPEN_ATTRIBUTES],
      ['ShareAttribute', SHARE_ATTRIBUTES],
      ['PriorityDomain', PRIORITY_DOMAINS],
    ] as const) {
      const expected = Object.fromEntries(Object.entries(vocabulary).map(([key, label]) => [key, { value: key, description: label }]));
      expect(values(name)).toEqual(expected);
    }
    expect(values('UpdateFrequency').SEMIANNUAL).toEqual({ value: 'SEMIANNUAL', description: `${UPDATE_FREQUENCIES.SEMIANNUAL.label} (EU frequency ANNUAL_2)` });
    expect(Object.keys(values('UpdateFrequency'))).toEqual(Object.keys(UPDATE_FREQUENCIES).sort());
  });

  it('name stored statuses in capitals and keep the stored value', () => {
    expect(values('DatasetStatus')).toEqual({
      DRAFT: { value: 'draft', description: DATASET_STATUS_LABELS.draft },
      PUBLISHED: { value: 'published', description: DATASET_STATUS_LABELS.published },
      SUBMITTED: { value: 'submitted', description: DATASET_STATUS_LABELS.submitted },
      WITHDRAWN: { value: 'withdrawn', description: DATASET_STATUS_LABELS.withdrawn },
    });
  });

  it('follow the lists of review actions, workflow states (but deleted), deadline kinds and negative-list rule kinds', () => {
    const stored = (name: string) => Object.values(values(name)).map((v) => v.value).sort();
    expect(stored('ReviewAction')).toEqual([...REVIEW_ACTIONS].sort());
    expect(stored('WorkflowState')).toEqual(WORKFLOW_STATES.filter((s) => s !== 'deleted').sort());
    expect(stored('ObligationKind')).toEqual([...OBLIGATION_KINDS].sort());
    expect(stored('NegativeRuleKind')).toEqual([...NEGATIVE_RULE_KINDS].sort());
    expect(values('WorkflowState').UPDATE_PENDING.value).toBe('updatePending');
  });
});
