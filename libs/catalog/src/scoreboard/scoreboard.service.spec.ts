import { OrganizationEntity } from '../entities';
import { OrganizationTimeliness, TimelinessService } from '../obligations/timeliness.service';
import { OrganizationService } from '../organization.service';
import { OrganizationFiguresRow, ScoreboardRepository } from './scoreboard.repository';
import { ScoreboardService } from './scoreboard.service';

const org = (id: string, name: string) => ({ id, slug: id, name }) as OrganizationEntity;
const ENV = org('env', '衡阳市环境保护局');
const FINANCE = org('finance', '衡阳市财政局');
const PRESS = org('press', '衡阳市人民政府新闻办公室');

const figures: OrganizationFiguresRow[] = [
  {
    organizationId: 'env', ledItems: [9, 10], publishedItems: [10], publishedDatasets: 6, withdrawnDatasets: 1,
    uploads: 9, validUploads: 8, dataRequests: 2, answeredRequests: 1, medianResponseDays: 3.2083333,
  },
  {
    organizationId: 'finance', ledItems: [24, 26], publishedItems: [24, 26], publishedDatasets: 3, withdrawnDatasets: 0,
    uploads: 0, validUploads: 0, dataRequests: 0, answeredRequests: 0, medianResponseDays: null,
  },
];

function service(rates: Array<Pick<OrganizationTimeliness, 'organization' | 'onTimeRate'>>) {
  const repository = { organizationFigures: async (ids: readonly string[] | null) => figures.filter((f) => !ids || ids.includes(f.organizationId)) } as unknown as ScoreboardRepository;
  const organizations = { list: async () => [ENV, FINANCE, PRESS] } as unknown as OrganizationService;
  const timeliness = { organizationRates: async () => rates } as unknown as TimelinessService;
  return new ScoreboardService(repository, organizations, timeliness);
}

describe('ScoreboardService', () => {
  it('takes the on-time rate from the timeliness service and computes the rates from the counts', async () => {
    const board = await service([{ organization: ENV, onTimeRate: 0.75 }]).scoreboard();
    expect(board.map((s) => s.organization.id)).toEqual(['env', 'finance', 'press']);
    expect(board[0]).toMatchObject({
      ledPlanItems: [9, 10], publishedPlanItems: [10], onTimeRate: 0.75, uploads: 9, validUploads: 8,
      validationPassRate: 8 / 9, medianResponseDays: 3.21, withdrawnDatasets: 1,
    });
  });

  it('rates nothing it has nothing to rate: null, not zero', async () => {
    const board = await service([]).scoreboard();
    expect(board[1]).toMatchObject({ onTimeRate: null, validationPassRate: null, medianResponseDays: null, publishedDatasets: 3 });
    // An organization with no figures at all (no row) still gets its line of zeros.
    expect(board[2]).toMatchObject({ ledPlanItems: [], publishedDatasets: 0, uploads: 0, dataRequests: 0, onTimeRate: null, validationPassRate: null });
  });

  it('scores the organizations asked for', async () => {
    const scores = await service([{ organization: FINANCE, onTimeRate: 1 }]).scoresOf([FINANCE]);
    expect([...scores.keys()]).toEqual(['finance']);
    expect(scores.get('finance')?.onTimeRate).toBe(1);
  });
});
