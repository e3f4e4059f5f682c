import { PLAN_ITEMS } from '../plan/plan-items';

/** The demo organization of each lead unit the plan names (its 2017 short names, as in PLAN_ITEMS). */
export const DEMO_LEAD_UNITS: Readonly<Record<string, string>> = {
  市政府法制办: 'hy-legal-affairs-office',
  市编办: 'hy-staffing-office',
  市发改委: 'hy-development-reform',
  市政务服务中心: 'hy-gov-service-centre',
  市国土资源局: 'hy-land-resources-bureau',
  市住建局: 'hy-housing-construction-bureau',
  市民政局: 'hy-civil-affairs-bureau',
  市安监局: 'hy-work-safety-bureau',
  市环保局: 'hy-env-bureau',
  市国资委: 'hy-soe-commission',
  市农委: 'hy-agriculture-commission',
  市工商局: 'hy-industry-commerce-bureau',
  市公共资源交易中心: 'hy-public-resource-trading-centre',
  市教育局: 'hy-education-bureau',
  市卫计委: 'hy-health-family-planning-commission',
  市科技局: 'hy-science-technology-bureau',
  市人社局: 'hy-hr-social-security-bureau',
  市住房公积金中心: 'hy-housing-provident-fund-centre',
  市电子政务办: 'hy-e-government-office',
  市财政局: 'hy-finance-bureau',
  市政府办: 'hy-gov-office',
  市保密局: 'hy-secrecy-bureau',
  市统计局: 'hy-statistics-bureau',
  市委网信办: 'hy-cyberspace-office',
  市政府新闻办: 'hy-press-office',
};

/** For each plan item, the slugs of the demo organizations that lead it. */
export function demoPlanLeads(): Array<{ planItem: number; organizations: string[] }> {
  return PLAN_ITEMS.map((item) => ({
    planItem: item.number,
    organizations: item.leadUnits.map((unit) => {
      const slug = DEMO_LEAD_UNITS[unit];
      if (!slug) throw new Error(`no demo organization for the lead unit ${unit} of plan item ${item.number}`);
      return slug;
    }),
  }));
}
