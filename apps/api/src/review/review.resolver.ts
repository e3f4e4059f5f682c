import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller } from '@opendata/auth';
import { DatasetStatus, ReviewService } from '@opendata/catalog';
import { toDatasetModel, toOrganizationModel } from '../catalog/catalog.mappers';
import { DatasetModel } from '../catalog/dataset.models';
import { OrganizationModel } from '../catalog/organization.models';
import { ResourceVersionModel } from '../catalog/resource.models';
import { GqlContext } from '../graphql/graphql-context';
import { CurrentCaller } from '../http/current-caller.decorator';
import { toReportModel } from '../ingest/ingest.mappers';
import { reviewLoaders } from './review-loaders';
import { toPendingVersionModel, toReviewEventModel, toSignOffModel } from './review.mappers';
import { DatasetReviewModel, SignOffModel, WorkflowStateEnum } from './review.models';

/** Review before publication (保密审查): the workflow mutations and the reviewer's queue. */
@Resolver(() => DatasetModel)
export class ReviewResolver {
  constructor(private readonly reviews: ReviewService) {}

  @Mutation(() => DatasetModel, { description: 'Submit a draft or withdrawn dataset, with every unreleased file, for review; or resubmit a published dataset\'s returned update (editors and admins of its organization).' })
  async submitDataset(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID, description: 'Dataset id.' }) id: string,
    @Args('comment', { type: () => String, nullable: true, description: 'Note for the reviewer.' }) comment?: string | null,
  ): Promise<DatasetModel> {
    return toDatasetModel(await this.reviews.submit(caller, id, comment));
  }

  @Mutation(() => DatasetModel, {
    description: 'Approve what awaits review in a dataset (the submitted record and its files, or an update\'s new versions), making it public; reviewers of its organization, never the person who submitted or uploaded it.',
  })
  async approveDataset(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID, description: 'Dataset id.' }) id: string,
    @Args('comment', { type: () => String, nullable: true, description: 'Comment kept with the sign-off.' }) comment?: string | null,
    @Args('checkedSha256', {
      type: () => [String],
      nullable: true,
      description:
        'SHA-256 of every file the reviewer examined (review.pendingVersions): required when files await review. The approval publishes exactly these files; it is refused with CONFLICT if the files awaiting review differ.',
    })
    checkedSha256?: string[] | null,
  ): Promise<DatasetModel> {
    return toDatasetModel(await this.reviews.approve(caller, id, comment, checkedSha256));
  }

  @Mutation(() => DatasetModel, { description: 'Send what awaits review back to the editors, with comments (审查意见); its files stay with the dataset and go back to review with the next submission. Reviewers of its organization; refused (CONFLICT) when nothing was submitted.' })
  async returnDataset(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID, description: 'Dataset id.' }) id: string,
    @Args('comment', { description: 'What has to change.' }) comment: string,
  ): Promise<DatasetModel> {
    return toDatasetModel(await this.reviews.return(caller, id, comment));
  }

  @Mutation(() => DatasetModel, { description: 'Take a published dataset down, with a reason; its history is kept (editors, admins and reviewers).' })
  async withdrawDataset(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID, description: 'Dataset id.' }) id: string,
    @Args('reason', { description: 'Why it is withdrawn (撤回原因).' }) reason: string,
  ): Promise<DatasetModel> {
    return toDatasetModel(await this.reviews.withdraw(caller, id, reason));
  }

  @Mutation(() => OrganizationModel, { description: 'Turn review before publication on or off for an organization (system administrators).' })
  async setOrganizationReviewRequired(
    @CurrentCaller() caller: Caller,
    @Args('slug', { description: 'Organization slug.' }) slug: string,
    @Args('required', { description: 'Whether publications need a reviewer\'s sign-off.' }) required: boolean,
  ): Promise<OrganizationModel> {
    return toOrganizationModel(await this.reviews.setReviewRequired(caller, slug, required));
  }

  @Query(() => [DatasetModel], { description: 'Datasets awaiting the caller\'s review, oldest first (empty for callers who review nothing).' })
  async reviewQueue(@CurrentCaller() caller: Caller): Promise<DatasetModel[]> {
    return (await this.reviews.queue(caller)).map(toDatasetModel);
  }

  @ResolveField(() => SignOffModel, {
    nullable: true,
    description: 'The latest sign-off: who approved, when, the SHA-256 of the metadata record (canonical JSON) and of each file version approved with it.',
  })
  async signOff(@Parent() dataset: DatasetModel, @Context() ctx: GqlContext): Promise<SignOffModel | null> {
    const signOff = await reviewLoaders(ctx, this.reviews).datasetSignOff.load(dataset.id);
    return signOff ? toSignOffModel(signOff) : null;
  }

  @ResolveField(() => DatasetReviewModel, {
    nullable: true,
    description: 'Review state and history; null unless the caller belongs to the organization (or is a system administrator).',
  })
  async review(@Parent() dataset: DatasetModel, @CurrentCaller() caller: Caller, @Context() ctx: GqlContext): Promise<DatasetReviewModel | null> {
    const history = await this.reviews.history(caller, dataset);
    if (!history) return null;
    const pending = (await this.reviews.pendingVersionsOf([dataset.id])).get(dataset.id) ?? [];
    const versions = await this.reviews.versionKeysOf(dataset.id);
    const pendingModels = await Promise.all(
      pending.map(async (p) => {
        const model = toPendingVersionModel(p);
        const report = model.reportId ? await ctx.loaders.report.load(model.reportId) : null;
        return { ...model, report: report ? toReportModel(report) : null };
      }),
    );
    const state = this.reviews.stateOf(dataset.status as DatasetStatus, pending) as WorkflowStateEnum;
    return { state, pendingVersions: pendingModels, history: history.map((e) => toReviewEventModel(e, versions)) };
  }
}

@Resolver(() => ResourceVersionModel)
export class VersionSignOffResolver {
  constructor(private readonly reviews: ReviewService) {}

  @ResolveField(() => SignOffModel, { nullable: true, description: 'Who approved this version for publication, when, and the file SHA-256 they approved (`files` lists what was approved with it).' })
  async signOff(@Parent() version: ResourceVersionModel, @Context() ctx: GqlContext): Promise<SignOffModel | null> {
    const signOff = await reviewLoaders(ctx, this.reviews).versionSignOff.load(version.id);
    return signOff ? toSignOffModel(signOff) : null;
  }
}
