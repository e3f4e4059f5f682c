import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '@opendata/common';
import { DatasetMetadataValidator } from './dataset-metadata.validator';
import { EU_THEME_CODES, GOV_THEME_CODES, LICENCES, OPEN_ATTRIBUTES, PRIORITY_DOMAINS, SHARE_ATTRIBUTES, UPDATE_FREQUENCIES } from './vocabularies';

const valid = {
  slug: 'hengyang-air-quality-hourly',
  title: '衡阳市环境空气质量小时数据',
  description: '衡阳市各国控监测站点逐小时的六项污染物浓度与空气质量指数。',
  organization: 'hy-env-bureau',
  themes: ['GOV_ECOLOGY', 'ENVI'],
  tags: ['空气质量', 'AQI'],
  license: 'CC-BY-4.0',
  openAttribute: '无条件开放',
  shareAttribute: '无条件共享',
  updateFrequency: '每小时',
  issued: '2018-01-01',
  contactPoint: { name: '衡阳市环境保护局', email: 'open-data@env.example.org' },
  status: 'published',
};

describe('DatasetMetadataValidator', () => {
  const validator = new DatasetMetadataValidator();
  const paths = (record: object) => validator.validate(record).map((e) => e.path).sort();

  it('accepts a complete record', () => {
    expect(validator.validate(valid)).toEqual([]);
  });

  it('names every bad field by its path', () => {
    const errors = validator.validate({
      ...valid,
      slug: 'Bad Slug',
      title: '',
      themes: ['ENVI'],
      openAttribute: '公开',
      contactPoint: { name: '环保局', email: 'not-an-email' },
      issued: '2018-13-45',
      colour: 'blue',
    });
    expect(errors.map((e) => e.path).sort()).toEqual(
      ['colour', 'contactPoint.email', 'issued', 'openAttribute', 'slug', 'themes', 'title'].sort(),
    );
    const messageOf = (path: string) => errors.find((e) => e.path === path)?.message;
    expect(messageOf('openAttribute')).toBe('必须是以下之一：无条件开放, 有条件开放, 不予开放 (must be one of: 无条件开放, 有条件开放, 不予开放)');
    expect(messageOf('issued')).toBe('必须是日期（YYYY-MM-DD） (must be a date (YYYY-MM-DD))');
    expect(messageOf('title')).toBe('至少须有 2 个字符 (must have at least 2 characters)');
    expect(messageOf('colour')).toBe('不是数据集元数据的字段 (is not a field of a dataset record)');
  });

  it('requires the missing core elements by name', () => {
    const { title: _t, description: _d, ...rest } = valid;
    expect(paths(rest)).toEqual(['description', 'title']);
  });

  it('requires conditions when openness or sharing is conditional, and says so', () => {
    expect(validator.validate({ ...valid, openAttribute: '有条件开放' })).toEqual([
      { path: 'openCondition', message: '有条件开放的数据集须写明开放条件 (a record open under conditions needs its conditions of access)' },
    ]);
    expect(validator.validate({ ...valid, shareAttribute: '有条件共享', shareCondition: null })).toEqual([
      { path: 'shareCondition', message: '有条件共享的数据集须写明共享条件 (a record shared under conditions needs its sharing conditions)' },
    ]);
    expect(paths({ ...valid, openAttribute: '有条件开放', openCondition: '需签署数据使用协议' })).toEqual([]);
  });

  it('asks a published record for a contact point and an issue date, a draft not', () => {
    const { contactPoint: _c, issued: _i, ...bare } = valid;
    const asked = [
      { path: 'contactPoint', message: '发布前须填写联系方式 (a published record needs a contact point)' },
      { path: 'issued', message: '发布前须填写发布日期 (a published record needs an issue date)' },
    ];
    expect(validator.validate(bare)).toEqual(asked);
    // Given as null (a cleared form field), they are asked for in the same words, not as "must be object".
    expect(validator.validate({ ...bare, contactPoint: null, issued: null })).toEqual(asked);
    expect(paths({ ...bare, status: 'draft' })).toEqual([]);
  });

  it('needs a contact email or phone, and checks phone numbers', () => {
    expect(validator.validate({ ...valid, contactPoint: { name: '环保局' } })).toEqual([
      { path: 'contactPoint', message: '须填写电子邮件或电话 (needs an email address or a phone number)' },
    ]);
    expect(paths({ ...valid, contactPoint: { name: '环保局', phone: '0734-8888888' } })).toEqual([]);
    expect(paths({ ...valid, contactPoint: { name: '环保局', phone: '123' } })).toEqual(['contactPoint.phone']);
  });

  it('checks the temporal coverage order and tag shapes', () => {
    expect(paths({ ...valid, temporalStart: '2020-01-01', temporalEnd: '2019-01-01' })).toEqual(['temporalEnd']);
    expect(paths({ ...valid, tags: ['空气,质量'] })).toEqual(['tags.0']);
  });

  it('uses the same vocabularies as the code', () => {
    const schema = JSON.parse(readFileSync(join(projectRoot(), 'schemas/catalog/dataset.schema.json'), 'utf8'));
    const p = schema.properties;
    expect(p.themes.items.enum).toEqual([...GOV_THEME_CODES, ...EU_THEME_CODES]);
    expect(p.license.enum).toEqual(LICENCES.map((l) => l.id));
    expect(p.openAttribute.enum).toEqual(Object.values(OPEN_ATTRIBUTES));
    expect(p.shareAttribute.enum).toEqual(Object.values(SHARE_ATTRIBUTES));
    expect(p.updateFrequency.enum).toEqual(Object.values(UPDATE_FREQUENCIES).map((f) => f.label));
    expect(p.priorityDomain.enum).toEqual([...Object.values(PRIORITY_DOMAINS), null]);
  });
});
