import type { InputBlock, ModalView, StaticSelect } from '@slack/types';
import { modalViolations } from '../../../../../adapters/slack/render/check-limits.js';
import {
  addDetailsModal,
  createTaskModal,
  INPUTS,
  linkIssueModal,
  logTimeModal,
  newCaseModal,
  noteModal,
  replyModal,
  resolveModal,
  viewErrors,
  type NewCaseModalInput,
} from '../../../../../adapters/slack/render/modals.js';
import { OPTIONS, VIEWS } from '../../../../../adapters/slack/registry.js';
import { RESOLUTION_TYPES } from '../../../../../src/domain/resolution.js';
import type { Installation } from '../../../../../src/domain/directory.js';
import type { Priority } from '../../../../../src/domain/priority.js';
import { makeIntakeForm } from '../../../../../src/presentation/intake-form.js';
import { CAROL } from '../../../../support/build-case.js';

// The labels src/config.ts gives when caseline.yaml names none.
const PRIORITY_LABELS = { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' } as const;

const inputs = (view: ModalView): InputBlock[] =>
  view.blocks.filter((b): b is InputBlock => b.type === 'input');

const inputFor = (view: ModalView, ref: { block: string }): InputBlock | undefined =>
  inputs(view).find((b) => b.block_id === ref.block);

interface NewCaseOptions extends Partial<Omit<NewCaseModalInput, 'form'>> {
  readonly installations?: readonly { readonly id: string; readonly label: string }[];
  readonly defaultPriority?: Priority;
}

/** The customer's form as src/presentation builds it, drawn as the modal. */
const newCase = async (overrides: NewCaseOptions = {}): Promise<ModalView> => {
  const {
    installations = [
      { id: 'inst-1', label: 'Ledgerly 4.2 (production)' },
      { id: 'inst-2', label: 'Ledgerly 4.3 (staging)' },
    ],
    defaultPriority = 'normal',
    ...modalInput
  } = overrides;
  const form = await makeIntakeForm({
    listInstallations: async () =>
      installations.map((i): Installation => ({
        id: i.id,
        organizationId: 'org-acme',
        organizationKey: 'acme',
        productId: 'product-ledgerly',
        productKey: i.label,
        version: '4',
        environment: 'production',
      })),
    findProductByKey: async () => undefined,
    priorities: { labels: PRIORITY_LABELS, default: defaultPriority },
  })(CAROL);
  return newCaseModal({ form: form!, useExternalSelect: false, ...modalInput });
};

const installations = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `inst-${i}`, label: `Installation ${i}` }));

describe('case modals', () => {
  it.each([
    ['replyModal', replyModal('case-7'), VIEWS.reply],
    ['noteModal', noteModal('case-7'), VIEWS.note],
    ['resolveModal', resolveModal('case-7'), VIEWS.resolve],
    [
      'resolveModal citing',
      resolveModal('case-7', [{ value: 'hold-order', label: 'Put an order on hold' }]),
      VIEWS.resolve,
    ],
    ['logTimeModal', logTimeModal('case-7'), VIEWS.logTime],
    ['linkIssueModal', linkIssueModal('case-7'), VIEWS.linkIssue],
    ['createTaskModal', createTaskModal('case-7'), VIEWS.createTask],
    ['addDetailsModal', addDetailsModal('case-7'), VIEWS.addDetails],
  ])('%s uses its callback id, carries the case id and fits Slack’s limits', (_n, view, id) => {
    expect(view.callback_id).toBe(id);
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ caseId: 'case-7' });
    expect(modalViolations(view)).toEqual([]);
  });

  it.each([
    ['replyModal', replyModal('c'), [INPUTS.message, INPUTS.minutes]],
    ['noteModal', noteModal('c'), [INPUTS.message, INPUTS.minutes]],
    [
      'resolveModal',
      resolveModal('c'),
      [INPUTS.resolutionType, INPUTS.resolutionText, INPUTS.docLink, INPUTS.minutes],
    ],
    [
      'resolveModal with articles to cite',
      resolveModal('c', [{ value: 'hold-order', label: 'Put an order on hold' }]),
      [
        INPUTS.resolutionType,
        INPUTS.resolutionText,
        INPUTS.docLink,
        INPUTS.citedArticle,
        INPUTS.minutes,
      ],
    ],
    ['logTimeModal', logTimeModal('c'), [INPUTS.minutes, INPUTS.message]],
    ['linkIssueModal', linkIssueModal('c'), [INPUTS.issueUrl, INPUTS.issueTitle]],
    [
      'createTaskModal',
      createTaskModal('c'),
      [INPUTS.taskTitle, INPUTS.taskAssignee, INPUTS.handover],
    ],
    ['addDetailsModal', addDetailsModal('c'), [INPUTS.message, INPUTS.files]],
  ])('%s reads back through the exported INPUTS ids', (_n, view, refs) => {
    expect(inputs(view).map((b) => [b.block_id, b.element.action_id])).toEqual(
      refs.map((ref) => [ref.block, ref.action]),
    );
  });

  it('prefills the reply draft, cut to what the input accepts', () => {
    const element = inputFor(replyModal('c', 'x'.repeat(9000)), INPUTS.message)?.element;
    expect(element).toMatchObject({ type: 'plain_text_input', multiline: true });
    expect((element as { initial_value?: string }).initial_value).toHaveLength(3000);
  });

  it('offers every resolution type with a readable label and asks for a doc link', () => {
    const view = resolveModal('c');
    const select = inputFor(view, INPUTS.resolutionType)?.element as StaticSelect;
    expect(select.options?.map((o) => o.value)).toEqual([...RESOLUTION_TYPES]);
    expect(select.options?.map((o) => o.text.text)).toContain('Works as designed');
    const docLink = inputFor(view, INPUTS.docLink);
    expect(docLink?.element.type).toBe('url_text_input');
    expect(docLink?.hint?.text).toMatch(/required for "works as designed"/i);
  });

  it('asks for whole minutes in the log-time modal', () => {
    const element = inputFor(logTimeModal('c'), INPUTS.minutes)?.element;
    expect(element).toMatchObject({
      type: 'number_input',
      is_decimal_allowed: false,
      min_value: '1',
      max_value: '1440',
    });
  });

  it('takes the issue as a URL input', () => {
    expect(inputFor(linkIssueModal('c'), INPUTS.issueUrl)?.element.type).toBe('url_text_input');
  });
});

describe('newCaseModal', () => {
  it('asks for installation, title, description, impact, expectation, priority and files', async () => {
    const view = await newCase();
    expect(view.callback_id).toBe(VIEWS.newCase);
    expect(inputs(view).map((b) => b.block_id)).toEqual(
      [
        INPUTS.installation,
        INPUTS.title,
        INPUTS.description,
        INPUTS.impact,
        INPUTS.expectation,
        INPUTS.priority,
        INPUTS.files,
      ].map((ref) => ref.block),
    );
    expect(inputFor(view, INPUTS.files)?.element).toMatchObject({ type: 'file_input' });
    expect(modalViolations(view)).toEqual([]);
  });

  it.each([
    [1, false, 'static_select'],
    [100, false, 'static_select'],
    [101, false, 'external_select'],
    [3, true, 'external_select'],
  ])('with %i installations (external %s) uses a %s', async (count, external, type) => {
    const view = await newCase({
      installations: installations(count),
      useExternalSelect: external,
    });
    const element = inputFor(view, INPUTS.installation)?.element;
    expect(element?.type).toBe(type);
    expect(element?.action_id).toBe(OPTIONS.installation);
    expect(modalViolations(view)).toEqual([]);
  });

  it('leaves out the installation menu when there is nothing to choose', async () => {
    expect(inputFor(await newCase({ installations: [] }), INPUTS.installation)).toBeUndefined();
  });

  it('preselects the default priority', async () => {
    const element = inputFor(await newCase({ defaultPriority: 'high' }), INPUTS.priority)?.element;
    expect((element as StaticSelect).initial_option?.value).toBe('high');
  });

  it('shows earlier errors escaped above the form', async () => {
    const view = await newCase({ errors: { title: 'Title <!channel> is required' } });
    const out = JSON.stringify(view.blocks[0]);
    expect(out).toContain('Title &lt;!channel&gt; is required');
  });

  it('keeps the origin in private_metadata', async () => {
    const view = await newCase({ metadata: { channel: 'C1', threadTs: '1.2' } });
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ channel: 'C1', threadTs: '1.2' });
  });

  it('refuses metadata Slack would reject rather than cutting it', async () => {
    await expect(newCase({ metadata: { blob: 'x'.repeat(3000) } })).rejects.toThrow(
      /private_metadata/,
    );
  });

  it('truncates long installation labels to the option limit', async () => {
    const view = await newCase({ installations: [{ id: 'i', label: 'L'.repeat(200) }] });
    expect(modalViolations(view)).toEqual([]);
  });
});

describe('viewErrors', () => {
  it('answers a submission with errors by block id', () => {
    expect(viewErrors({ [INPUTS.docLink.block]: 'Add the documentation link.' })).toEqual({
      response_action: 'errors',
      errors: { doc_link: 'Add the documentation link.' },
    });
  });
});
