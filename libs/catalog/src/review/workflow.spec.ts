import { bilingual } from '@opendata/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKFLOW_ROLES, WorkflowRole, callerAs } from '../../../../test/support/workflow-roles';
import {
  Capability,
  WORKFLOW,
  WORKFLOW_ACTIONS,
  WORKFLOW_STATES,
  WorkflowAction,
  WorkflowState,
  decide,
  isPublicState,
  workflowState,
} from './workflow';

const ORG = '11111111-1111-4111-8111-111111111111';
const REVIEWED = { organizationId: ORG, reviewRequired: true };
const OPEN = { organizationId: ORG, reviewRequired: false };

type Combination = [WorkflowState, WorkflowAction, WorkflowRole];
const EVERY: Combination[] = WORKFLOW_STATES.flatMap((s) => WORKFLOW_ACTIONS.flatMap((a) => WORKFLOW_ROLES.map((r): Combination => [s, a, r])));

describe('the review workflow table', () => {
  it('answers every state x action x role, in both organization settings', () => {
    expect(EVERY).toHaveLength(7 * 8 * 7);
    for (const subject of [REVIEWED, OPEN]) {
      for (const [state, action, role] of EVERY) {
        const decision = decide(state, action, callerAs(role, ORG), subject);
        if (decision.allowed) expect(WORKFLOW_STATES).toContain(decision.to);
        else expect(['UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT']).toContain(decision.code);
      }
    }
  });

  it('refuses anonymous callers everything, and reveals no deleted or unpublished dataset to outsiders', () => {
    for (const [state, action, role] of EVERY) {
      const decision = decide(state, action, callerAs(role, ORG), REVIEWED);
      if (role === 'anonymous') expect(decision).toMatchObject({ allowed: false, code: 'UNAUTHENTICATED' });
      else if (state === 'deleted') expect(decision).toMatchObject({ allowed: false, code: 'NOT_FOUND' });
      else if (role === 'outsider') expect(decision).toMatchObject({ allowed: false, code: isPublicState(state) ? 'FORBIDDEN' : 'NOT_FOUND' });
      if (role === 'member') expect(decision.allowed).toBe(false);
    }
  });

  it('lets nothing become public without a reviewer\'s approval where review is required, except a system administrator\'s publication', () => {
    for (const [state, action, role] of EVERY) {
      const decision = decide(state, action, callerAs(role, ORG), REVIEWED);
      if (!decision.allowed || isPublicState(state) || !isPublicState(decision.to)) continue;
      expect([`approve:reviewer`, `approve:sysadmin`, `publish:sysadmin`]).toContain(`${action}:${role}`);
    }
  });

  it('approves and returns only what was submitted, and only by reviewers', () => {
    for (const [state, action, role] of EVERY) {
      if (action !== 'approve' && action !== 'return') continue;
      const decision = decide(state, action, callerAs(role, ORG), REVIEWED);
      const submitted = state === 'submitted' || state === 'updatePending';
      expect(decision.allowed).toBe(submitted && (role === 'reviewer' || role === 'sysadmin'));
    }
    const draftReturn = decide('draft', 'return', callerAs('reviewer', ORG), REVIEWED);
    expect(draftReturn).toMatchObject({ allowed: false, code: 'CONFLICT' });
    expect(!draftReturn.allowed && bilingual(draftReturn.message)).toBe(
      '该数据集未提交审查，没有可退回的内容 (the dataset was never submitted for review: there is nothing to return)',
    );
    expect(decide('draft', 'return', callerAs('editor', ORG), REVIEWED)).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
  });

  it('freezes a submitted dataset: nobody edits, uploads to, publishes or deletes it until a reviewer acts', () => {
    for (const action of ['edit', 'upload', 'delete', 'publish'] as const) {
      for (const role of ['editor', 'orgAdmin', 'sysadmin'] as const) {
        expect(decide('submitted', action, callerAs(role, ORG), REVIEWED)).toMatchObject({ allowed: false, code: 'CONFLICT' });
      }
    }
  });

  it('tells editors who try to publish directly that review is required, and lets them where it is not', () => {
    expect(decide('draft', 'publish', callerAs('editor', ORG), REVIEWED)).toMatchObject({ allowed: false, code: 'FORBIDDEN', reason: 'REVIEW_REQUIRED' });
    expect(decide('draft', 'publish', callerAs('editor', ORG), OPEN)).toMatchObject({ allowed: true, to: 'published' });
    expect(decide('published', 'edit', callerAs('editor', ORG), REVIEWED)).toMatchObject({ allowed: true, to: 'submitted' });
    expect(decide('published', 'edit', callerAs('editor', ORG), OPEN)).toMatchObject({ allowed: true, to: 'published' });
    expect(decide('published', 'upload', callerAs('orgAdmin', ORG), REVIEWED)).toMatchObject({ allowed: true, to: 'updatePending' });
    expect(decide('published', 'upload', callerAs('orgAdmin', ORG), OPEN)).toMatchObject({ allowed: true, to: 'published' });
  });

  it('reaches every state from a draft, and leaves none but deleted without a way on', () => {
    const reached = new Set<WorkflowState>(['draft']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [state, action, role] of EVERY) {
        if (!reached.has(state)) continue;
        const decision = decide(state, action, callerAs(role, ORG), REVIEWED);
        if (decision.allowed && !reached.has(decision.to)) {
          reached.add(decision.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...WORKFLOW_STATES].sort());
    for (const state of WORKFLOW_STATES.filter((s) => s !== 'deleted')) {
      expect(EVERY.some(([s, a, r]) => s === state && decide(s, a, callerAs(r, ORG), REVIEWED).allowed)).toBe(true);
    }
  });

  it('places datasets by their status and unreleased files', () => {
    const at = (status: 'draft' | 'submitted' | 'published' | 'withdrawn', unreleased = 0, awaiting = 0, deleted = false) =>
      workflowState({ deleted, status, unreleased, awaiting });
    expect(at('draft', 2, 0)).toBe('draft');
    expect(at('submitted', 1, 1)).toBe('submitted');
    expect(at('published')).toBe('published');
    expect(at('published', 2, 1)).toBe('updatePending');
    expect(at('published', 1, 0)).toBe('updateReturned');
    expect(at('withdrawn', 1, 1)).toBe('withdrawn');
    expect(at('published', 0, 0, true)).toBe('deleted');
  });

  it('is the table the README prints', () => {
    const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
    const printed = readme.slice(readme.indexOf('<!-- workflow-table -->'), readme.indexOf('<!-- /workflow-table -->'));
    expect(printed.split('\n').filter((line) => line.startsWith('|')).join('\n')).toBe(renderTable());
  });
});

const SHORT: Record<Capability, string> = { write: 'W', review: 'R', withdraw: 'W/R', publish: 'P' };

/** The table as the README prints it: one row per live state, one column per action. */
function renderTable(): string {
  const header = `| state | ${WORKFLOW_ACTIONS.join(' | ')} |`;
  const rule = `|${' --- |'.repeat(WORKFLOW_ACTIONS.length + 1)}`;
  const rows = Object.entries(WORKFLOW).map(([state, cells]) => {
    const text = WORKFLOW_ACTIONS.map((a) => {
      const cell = cells[a];
      return 'refused' in cell ? '409' : cell.map((s) => `${SHORT[s.by]} → ${s.to}`).join(', ');
    });
    return `| ${state} | ${text.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}
