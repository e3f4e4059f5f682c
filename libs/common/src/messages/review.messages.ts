import { MessageTable } from './message-types';

/** Review before publication (保密审查): the workflow table's refusals and the sign-off's checks. */
export const REVIEW_MESSAGES = {
  'review.ownSubmission': { zh: '不能审查自己提交的内容', en: 'you cannot approve what you submitted yourself' },
  'review.filesChanged': { zh: '待审查的文件与你审查的不一致，请重新审查', en: 'the files awaiting review are not the ones you checked' },
  'review.listChecked': { zh: '请列出你审查过的每个文件的 SHA-256（review.pendingVersions）', en: 'list the SHA-256 of every file you examined (review.pendingVersions)' },
  'review.sayWhatToChange': { zh: '请写明需要修改的内容（审查意见）', en: 'say what has to change' },
  'review.withdrawReason': { zh: '请写明撤回原因', en: 'give the reason for withdrawal' },
  'review.recordIncomplete': { zh: '数据集元数据不完整，不能发布', en: 'The record is not complete enough to publish' },
  'review.statusByMutation': {
    zh: '请用 submitDataset、approveDataset、returnDataset 或 withdrawDataset 更改状态',
    en: 'change the status with submitDataset, approveDataset, returnDataset or withdrawDataset',
  },
  'workflow.notFound': { zh: '数据集不存在', en: 'the dataset was not found' },
  'workflow.underReview': { zh: '该数据集正在审查中，不能修改；请审查员退回后再修改', en: 'the dataset is under review: ask a reviewer to return it first' },
  'workflow.alreadyUnderReview': { zh: '该数据集已在审查中', en: 'the dataset is already under review' },
  'workflow.neverSubmittedApprove': { zh: '该数据集未提交审查，没有可批准的内容', en: 'the dataset was never submitted for review: there is nothing to approve' },
  'workflow.neverSubmittedReturn': { zh: '该数据集未提交审查，没有可退回的内容', en: 'the dataset was never submitted for review: there is nothing to return' },
  'workflow.nothingAwaits': { zh: '没有待审查的内容', en: 'nothing of this dataset awaits review' },
  'workflow.nothingToSubmit': { zh: '没有需要提交审查的内容', en: 'nothing of this dataset is waiting to be submitted' },
  'workflow.notPublished': { zh: '只有已发布的数据集可以撤回', en: 'only a published dataset can be withdrawn' },
  'workflow.withdrawFirst': { zh: '已发布的数据集须先撤回（withdrawDataset，说明原因）再删除', en: 'withdraw a published dataset, with a reason, before deleting it' },
  'workflow.returnedUpdate': {
    zh: '更新已退回修改，须重新提交后才能审查',
    en: 'the update was returned to the editors: it must be submitted again before a reviewer can act on it',
  },
  'workflow.publishUnderReview': { zh: '该数据集正在审查中，须经审查批准发布', en: 'the dataset is under review: a reviewer publishes it with approveDataset' },
  'workflow.alreadyReturned': { zh: '更新已退回修改', en: 'the update was already returned to the editors' },
  'workflow.alreadyWithdrawn': { zh: '该数据集已撤回', en: 'the dataset is already withdrawn' },
  'workflow.forbidden.submit': { zh: '你无权提交审查该数据集', en: 'you are not allowed to submit this dataset for review' },
  'workflow.forbidden.approve': { zh: '你无权批准发布该数据集', en: 'you are not allowed to approve this dataset' },
  'workflow.forbidden.return': { zh: '你无权退回该数据集', en: 'you are not allowed to return this dataset' },
  'workflow.forbidden.withdraw': { zh: '你无权撤回该数据集', en: 'you are not allowed to withdraw this dataset' },
  'workflow.forbidden.edit': { zh: '你无权修改该数据集', en: 'you are not allowed to change this dataset' },
  'workflow.forbidden.upload': { zh: '你无权向该数据集上传文件', en: 'you are not allowed to upload files to this dataset' },
  'workflow.forbidden.delete': { zh: '你无权删除该数据集', en: 'you are not allowed to delete this dataset' },
  'workflow.forbidden.publish': { zh: '你无权直接发布该数据集', en: 'you are not allowed to publish this dataset without review' },
} as const satisfies MessageTable;
