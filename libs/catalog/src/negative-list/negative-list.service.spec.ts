import { ANONYMOUS } from '@opendata/auth';
import { NegativeRule } from '@opendata/validation';
import { NegativeListRepository, StoredNegativeRule } from './negative-list.repository';
import { NegativeListService } from './negative-list.service';
import { FAKE_TX, FakeTransactions, badFields, codeOf, fakeOrganizations, signedIn, sysadmin } from '../../../../test/support/unit-fakes';

const ORG = 'org-1';
const RULE_ID = '00000000-0000-4000-8000-000000000001';

/** Rules in memory, with the methods NegativeListService uses. */
class FakeRules extends FakeTransactions {
  readonly rules: StoredNegativeRule[] = [];
  readonly writes: unknown[] = [];

  async listFor(organizationId: string | null): Promise<StoredNegativeRule[]> {
    return this.rules.filter((r) => r.organizationId === null || r.organizationId === organizationId);
  }

  inForce(organizationId: string): Promise<StoredNegativeRule[]> {
    return this.listFor(organizationId);
  }

  async findById(id: string): Promise<StoredNegativeRule | null> {
    return this.rules.find((r) => r.id === id) ?? null;
  }

  async insert(rule: Omit<NegativeRule, 'id'> & { createdBy: string | null }, tx?: unknown): Promise<StoredNegativeRule | null> {
    this.writes.push(tx);
    if (this.rules.some((r) => r.organizationId === rule.organizationId && r.kind === rule.kind && r.value === rule.value)) return null;
    const { createdBy: _createdBy, ...stored } = rule;
    const added = { ...stored, id: `rule-${this.rules.length + 1}`, createdAt: new Date() };
    this.rules.push(added);
    return added;
  }

  async delete(id: string, tx?: unknown): Promise<void> {
    this.writes.push(tx);
    this.rules.splice(this.rules.findIndex((r) => r.id === id), 1);
  }
}

describe('NegativeListService', () => {
  let repo: FakeRules;
  let service: NegativeListService;
  const admin = signedIn('boss', { [ORG]: 'admin' });
  const editor = signedIn('ed', { [ORG]: 'editor' });
  const term = (value: string, reason = '国家秘密') => ({ kind: 'term' as const, value, reason });

  beforeEach(() => {
    repo = new FakeRules();
    service = new NegativeListService(repo as unknown as NegativeListRepository, fakeOrganizations({ id: ORG, slug: 'env-bureau' }));
  });

  describe('add', () => {
    it('keeps the city-wide list to system administrators', async () => {
      expect(await codeOf(service.add(ANONYMOUS, term('绝密')))).toBe('UNAUTHENTICATED');
      expect(await codeOf(service.add(admin, term('绝密')))).toBe('FORBIDDEN');
      await expect(service.add(sysadmin(), term('绝密'))).resolves.toMatchObject({ organizationId: null, value: '绝密' });
    });

    it("keeps an organization's list to its admins", async () => {
      expect(await codeOf(service.add(editor, { ...term('内部'), organization: 'env-bureau' }))).toBe('FORBIDDEN');
      expect(await codeOf(service.add(signedIn('x', { 'org-2': 'admin' }), { ...term('内部'), organization: 'env-bureau' }))).toBe('FORBIDDEN');
      expect(await codeOf(service.add(admin, { ...term('内部'), organization: 'no-such' }))).toBe('NOT_FOUND');
      expect(repo.rules).toEqual([]);
      await expect(service.add(admin, { ...term('内部'), organization: 'env-bureau' })).resolves.toMatchObject({ organizationId: ORG });
    });

    it('writes the rule in a transaction naming the caller, with the reason trimmed', async () => {
      const boss = sysadmin('boss');
      await service.add(boss, term('绝密', '  国家秘密  '));
      expect(repo.actors).toEqual([boss]);
      expect(repo.writes).toEqual([FAKE_TX]);
      expect(repo.rules[0]).toMatchObject({ kind: 'term', value: '绝密', reason: '国家秘密' });
    });

    it('names each invalid field, and a rule already listed', async () => {
      expect(await badFields(service.add(sysadmin(), { kind: 'colour' as never, value: 'x', reason: ' ' }))).toEqual(['kind', 'reason']);
      expect(await badFields(service.add(sysadmin(), { kind: 'pattern', value: '(unclosed', reason: 'r' }))).toEqual(['value']);
      expect(await badFields(service.add(sysadmin(), term(' padded ')))).toEqual(['value']);
      expect(await badFields(service.add(sysadmin(), term('绝密', 'x'.repeat(501))))).toEqual(['reason']);
      expect(repo.rules).toEqual([]);
      await service.add(sysadmin(), term('绝密'));
      expect(await badFields(service.add(sysadmin(), term('绝密')))).toEqual(['value']);
    });
  });

  describe('remove', () => {
    beforeEach(() => {
      repo.rules.push({ id: RULE_ID, organizationId: ORG, kind: 'term', value: '内部', reason: 'r', createdAt: new Date() });
    });

    it("lets the organization's admins remove its rules", async () => {
      expect(await codeOf(service.remove(editor, RULE_ID))).toBe('FORBIDDEN');
      await expect(service.remove(admin, RULE_ID)).resolves.toMatchObject({ value: '内部' });
      expect(repo.rules).toEqual([]);
      expect(repo.actors).toEqual([admin]);
    });

    it('keeps city-wide rules to system administrators', async () => {
      repo.rules[0].organizationId = null;
      expect(await codeOf(service.remove(admin, RULE_ID))).toBe('FORBIDDEN');
      await service.remove(sysadmin(), RULE_ID);
      expect(repo.rules).toEqual([]);
    });

    it('says a malformed or unknown id was not found', async () => {
      expect(await codeOf(service.remove(sysadmin(), 'not-a-uuid'))).toBe('NOT_FOUND');
      expect(await codeOf(service.remove(sysadmin(), RULE_ID.replace('1', '2')))).toBe('NOT_FOUND');
      expect(repo.rules).toHaveLength(1);
    });
  });

  it("lists city-wide rules, and an organization's own with its slug", async () => {
    await service.add(sysadmin(), term('绝密'));
    await service.add(admin, { ...term('内部'), organization: 'env-bureau' });
    expect((await service.list(null)).map((r) => r.value)).toEqual(['绝密']);
    expect((await service.list('env-bureau')).map((r) => r.value)).toEqual(['绝密', '内部']);
    expect(await codeOf(service.list('no-such'))).toBe('NOT_FOUND');
  });

  describe('checkMetadata', () => {
    beforeEach(async () => {
      await service.add(sysadmin(), term('绝密'));
      await service.add(sysadmin(), { kind: 'theme', value: 'GOV_DEFENCE', reason: '国防' });
    });

    it('names each field that carries a listed term or theme', async () => {
      const problems = await service.checkMetadata(ORG, {
        title: '某某绝密文件',
        description: '正常描述',
        shareCondition: '内含绝密',
        tags: ['空气', '绝密'],
        themes: ['ENVI', 'GOV_DEFENCE'],
      });
      expect(problems.map((p) => p.path)).toEqual(['title', 'shareCondition', 'tags.1', 'themes.1']);
      expect(problems[0].message).toContain('绝密');
    });

    it('passes a clean record, and every record when no rule applies', async () => {
      expect(await service.checkMetadata(ORG, { title: '空气质量', tags: ['空气'], themes: ['ENVI'] })).toEqual([]);
      repo.rules.length = 0;
      expect(await service.checkMetadata(ORG, { title: '绝密' })).toEqual([]);
    });
  });
});
