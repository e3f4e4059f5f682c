import {
  DatasetMetadataValidator,
  EU_THEME_CODES,
  GOV_THEME_CODES,
  LICENCES,
  OPEN_ATTRIBUTES,
  PLAN_ITEMS,
  PRIORITY_DOMAINS,
  SHARE_ATTRIBUTES,
  THEMES,
  UPDATE_FREQUENCIES,
} from '@opendata/catalog';
import { isValidUscc } from '@opendata/common';
import { DEMO_DATASETS } from './demo-datasets';
import { DEMO_ORGANIZATIONS } from './demo-organizations';
import { demoPlanLeads } from './demo-plan-leads';

const SLUG = /^[a-z0-9][a-z0-9-]{1,98}[a-z0-9]$/;
const DEMO_NOTE = '（示例数据）';

const duplicates = (values: string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);

/** 类 and 项 of a 政务信息资源目录 class, as the demo's resource codes use them (see demo-datasets.ts). */
function classPrefix(govCode: string): string {
  const groups = ['基础信息资源', '主题信息资源', '部门信息资源'];
  const theme = THEMES.find((t) => t.code === govCode)!;
  const inGroup = THEMES.filter((t) => t.scheme === 'gov-catalogue' && t.group === theme.group);
  const item = inGroup.findIndex((t) => t.code === govCode) + 1;
  return `${groups.indexOf(theme.group!) + 1}${String(item).padStart(2, '0')}`;
}

describe('demo organizations', () => {
  const slugs = DEMO_ORGANIZATIONS.map((o) => o.slug);

  it('have valid, unique, made-up unified social credit codes for Hengyang', () => {
    for (const org of DEMO_ORGANIZATIONS) {
      expect({ slug: org.slug, valid: isValidUscc(org.uscc) }).toEqual({ slug: org.slug, valid: true });
      expect(org.uscc).toMatch(/^1[12]430400DEM/);
    }
    expect(duplicates(DEMO_ORGANIZATIONS.map((o) => o.uscc))).toEqual([]);
  });

  it('have unique, well-formed slugs and existing parents', () => {
    expect(duplicates(slugs)).toEqual([]);
    for (const org of DEMO_ORGANIZATIONS) {
      expect(org.slug).toMatch(SLUG);
      if (org.parentSlug !== null) {
        expect(org.parentSlug).not.toBe(org.slug);
        expect(slugs).toContain(org.parentSlug);
      }
    }
  });

  it('include the city government and the plan’s lead units, with demo contacts', () => {
    const names = DEMO_ORGANIZATIONS.map((o) => o.name);
    for (const name of ['衡阳市人民政府', '衡阳市环境保护局', '衡阳市人力资源和社会保障局', '衡阳市住房和城乡建设局', '衡阳市财政局']) {
      expect(names).toContain(name);
    }
    for (const org of DEMO_ORGANIZATIONS) {
      expect(org.name).toContain('衡阳市');
      expect(org.contactEmail).toMatch(/@([a-z0-9-]+\.)?example\.org$/);
      expect(org.contactPhone).toMatch(/^0734-8\d{6}$/);
    }
  });
});

describe('demo datasets', () => {
  const orgSlugs = new Set(DEMO_ORGANIZATIONS.map((o) => o.slug));
  const validator = new DatasetMetadataValidator();

  it('are at least 28, with unique, well-formed slugs, each from an existing organization', () => {
    expect(DEMO_DATASETS.length).toBeGreaterThanOrEqual(28);
    expect(duplicates(DEMO_DATASETS.map((d) => d.slug))).toEqual([]);
    for (const d of DEMO_DATASETS) {
      expect(d.slug).toMatch(SLUG);
      expect({ slug: d.slug, organization: orgSlugs.has(d.organization) }).toEqual({ slug: d.slug, organization: true });
    }
  });

  it('have exactly the four flagships', () => {
    const flagships = DEMO_DATASETS.filter((d) => d.flagship !== undefined).map((d) => ({
      flagship: d.flagship,
      slug: d.slug,
      organization: d.organization,
    }));
    expect(flagships.sort((a, b) => a.slug.localeCompare(b.slug))).toEqual([
      { flagship: 'air-quality-hourly', slug: 'hengyang-air-quality-hourly', organization: 'hy-env-bureau' },
      { flagship: 'housing-allocation', slug: 'hengyang-public-rental-housing-allocation', organization: 'hy-housing-construction-bureau' },
      { flagship: 'social-insurance', slug: 'hengyang-social-insurance-statistics', organization: 'hy-hr-social-security-bureau' },
      { flagship: 'surface-water', slug: 'xiang-river-hengyang-surface-water', organization: 'hy-env-bureau' },
    ]);
    const bySlug = new Map(DEMO_DATASETS.map((d) => [d.slug, d]));
    expect(bySlug.get('hengyang-air-quality-hourly')?.updateFrequency).toBe('每小时');
    expect(bySlug.get('hengyang-social-insurance-statistics')?.updateFrequency).toBe('每年');
    expect(bySlug.get('hengyang-public-rental-housing-allocation')?.updateFrequency).toBe('不定期');
    for (const d of DEMO_DATASETS.filter((x) => x.flagship)) {
      expect(d.description).toMatch(/所附文件为.*示例数据，.*并非官方/);
    }
  });

  it('carry at least one 政务 class and one EU data theme, all from THEMES', () => {
    for (const d of DEMO_DATASETS) {
      const gov = d.themes.filter((t) => GOV_THEME_CODES.includes(t));
      const eu = d.themes.filter((t) => EU_THEME_CODES.includes(t));
      expect({ slug: d.slug, gov: gov.length > 0, eu: eu.length > 0, all: gov.length + eu.length }).toEqual({
        slug: d.slug,
        gov: true,
        eu: true,
        all: d.themes.length,
      });
    }
  });

  it('use only values of the controlled vocabularies', () => {
    const opens: string[] = Object.values(OPEN_ATTRIBUTES);
    const shares: string[] = Object.values(SHARE_ATTRIBUTES);
    const frequencies: string[] = Object.values(UPDATE_FREQUENCIES).map((f) => f.label);
    const domains: string[] = Object.values(PRIORITY_DOMAINS);
    const licences = LICENCES.map((l) => l.id);
    for (const d of DEMO_DATASETS) {
      expect(opens).toContain(d.openAttribute);
      expect(shares).toContain(d.shareAttribute);
      expect(frequencies).toContain(d.updateFrequency);
      expect(licences).toContain(d.license);
      if (d.priorityDomain !== null && d.priorityDomain !== undefined) expect(domains).toContain(d.priorityDomain);
      expect(['published', 'draft']).toContain(d.status);
    }
  });

  it('give an open condition exactly when 有条件开放, and a share condition exactly when 有条件共享', () => {
    for (const d of DEMO_DATASETS) {
      expect({ slug: d.slug, condition: Boolean(d.openCondition?.trim()) }).toEqual({
        slug: d.slug,
        condition: d.openAttribute === '有条件开放',
      });
      expect({ slug: d.slug, condition: Boolean(d.shareCondition?.trim()) }).toEqual({
        slug: d.slug,
        condition: d.shareAttribute === '有条件共享',
      });
    }
    expect(DEMO_DATASETS.some((d) => d.openAttribute === '有条件开放')).toBe(true);
  });

  it('say in every description that they are demo data', () => {
    for (const d of DEMO_DATASETS) expect(d.description.endsWith(DEMO_NOTE)).toBe(true);
  });

  it('answer items 1-39 of the plan', () => {
    for (const d of DEMO_DATASETS) {
      expect(Number.isInteger(d.planItem)).toBe(true);
      expect(d.planItem).toBeGreaterThanOrEqual(1);
      expect(d.planItem).toBeLessThanOrEqual(39);
    }
  });

  it('are mostly published, with a few drafts', () => {
    const drafts = DEMO_DATASETS.filter((d) => d.status === 'draft').length;
    expect(drafts).toBeGreaterThanOrEqual(2);
    expect(drafts).toBeLessThanOrEqual(3);
  });

  it('have resource codes that follow the documented scheme and are unique', () => {
    for (const d of DEMO_DATASETS) {
      const code = d.resourceCode ?? '';
      const firstGov = d.themes.find((t) => GOV_THEME_CODES.includes(t))!;
      expect({ slug: d.slug, code }).toEqual({
        slug: d.slug,
        code: expect.stringMatching(new RegExp(`^${classPrefix(firstGov)}${String(d.planItem).padStart(3, '0')}000\\d{3}$`)),
      });
    }
    expect(duplicates(DEMO_DATASETS.map((d) => d.resourceCode ?? ''))).toEqual([]);
  });

  it('have Hengyang coverage, demo contacts, 3-6 tags and issue dates from 2018 to 2026', () => {
    for (const d of DEMO_DATASETS) {
      expect([d.spatial, d.spatialCode]).toEqual(['衡阳市', '430400']);
      expect(d.contactPoint?.email).toMatch(/@([a-z0-9-]+\.)?example\.org$/);
      expect(d.contactPoint?.phone).toMatch(/^0734-8\d{6}$/);
      expect(d.tags.length).toBeGreaterThanOrEqual(3);
      expect(d.tags.length).toBeLessThanOrEqual(6);
      if (d.status === 'published') expect(d.issued).toMatch(/^20(1[89]|2[0-6])-\d{2}-\d{2}$/);
    }
  });

  it('keep 空气质量 in the titles of the air-quality datasets only, and 公租房 on the allocation results', () => {
    const air = DEMO_DATASETS.filter((d) => d.title.includes('空气质量')).map((d) => d.slug);
    expect(air).toContain('hengyang-air-quality-hourly');
    expect(air.every((slug) => slug.includes('air-quality'))).toBe(true);
    const housing = DEMO_DATASETS.find((d) => d.flagship === 'housing-allocation')!;
    expect(housing.title.includes('公租房') || housing.tags.includes('公租房')).toBe(true);
  });

  it('pass the catalogue record schema', () => {
    for (const { planItem: _planItem, flagship: _flagship, ...record } of DEMO_DATASETS) {
      expect({ slug: record.slug, errors: validator.validate(record) }).toEqual({ slug: record.slug, errors: [] });
    }
  });
});

describe('demo plan leads', () => {
  it('map every lead unit the plan names onto a demo organization', () => {
    const slugs = new Set(DEMO_ORGANIZATIONS.map((o) => o.slug));
    const leads = demoPlanLeads();
    expect(leads.map((l) => l.planItem)).toEqual(PLAN_ITEMS.map((i) => i.number));
    for (const { planItem, organizations } of leads) {
      expect({ planItem, unknown: organizations.filter((s) => !slugs.has(s)) }).toEqual({ planItem, unknown: [] });
      expect(organizations).toHaveLength(PLAN_ITEMS[planItem - 1].leadUnits.length);
    }
    expect(leads.find((l) => l.planItem === 10)?.organizations).toEqual(['hy-env-bureau']);
    expect(leads.find((l) => l.planItem === 22)?.organizations).toEqual(['hy-hr-social-security-bureau', 'hy-civil-affairs-bureau', 'hy-housing-provident-fund-centre']);
  });

  it('give most items with a lead a published demo dataset of a lead organization', () => {
    const answered = demoPlanLeads().filter(({ planItem, organizations }) =>
      DEMO_DATASETS.some((d) => d.planItem === planItem && d.status === 'published' && organizations.includes(d.organization)),
    );
    const led = demoPlanLeads().filter((l) => l.organizations.length > 0);
    expect(answered.length).toBeGreaterThanOrEqual(led.length / 2);
  });
});
