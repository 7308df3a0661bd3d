/**
 * Lists the Block Kit limits a payload breaks, so tests (and a fake Slack API) catch what
 * the real API would reject with `invalid_blocks` only in production.
 */
import { LIMITS } from './blocks.js';

export type Surface = 'message' | 'modal' | 'home';

type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const textOf = (value: unknown): string | undefined =>
  isObject(value) && typeof value.text === 'string' ? value.text : undefined;

const tooLong = (path: string, value: string | undefined, max: number): string[] =>
  value !== undefined && value.length > max ? [`${path}: ${value.length} > ${max} chars`] : [];

const tooMany = (path: string, value: unknown, max: number): string[] =>
  Array.isArray(value) && value.length > max ? [`${path}: ${value.length} > ${max} items`] : [];

// Limits that depend on what kind of object this is.
const ruleViolations = (node: Json, path: string): string[] => {
  const type = node.type;
  return [
    ...(type === 'section' ? tooLong(`${path}.text`, textOf(node.text), LIMITS.sectionText) : []),
    ...(type === 'section' ? tooMany(`${path}.fields`, node.fields, LIMITS.sectionFields) : []),
    ...(type === 'header' ? tooLong(`${path}.text`, textOf(node.text), LIMITS.headerText) : []),
    ...(type === 'actions'
      ? tooMany(`${path}.elements`, node.elements, LIMITS.actionsElements)
      : []),
    ...(type === 'context'
      ? tooMany(`${path}.elements`, node.elements, LIMITS.contextElements)
      : []),
    ...(type === 'button' ? tooLong(`${path}.text`, textOf(node.text), LIMITS.buttonText) : []),
    ...(type === 'button' && typeof node.value === 'string'
      ? tooLong(`${path}.value`, node.value, LIMITS.buttonValue)
      : []),
    ...tooMany(`${path}.options`, node.options, LIMITS.selectOptions),
    ...tooLong(`${path}.placeholder`, textOf(node.placeholder), LIMITS.placeholder),
    ...(typeof node.block_id === 'string' ? tooLong(path, node.block_id, LIMITS.blockId) : []),
    ...(typeof node.action_id === 'string' ? tooLong(path, node.action_id, LIMITS.actionId) : []),
  ];
};

const fieldViolations = (node: Json, path: string): string[] =>
  node.type === 'section' && Array.isArray(node.fields)
    ? node.fields.flatMap((field: unknown, index) =>
        tooLong(`${path}.fields[${index}]`, textOf(field), LIMITS.sectionField),
      )
    : [];

const optionViolations = (node: Json, path: string): string[] =>
  Array.isArray(node.options)
    ? node.options.flatMap((option: unknown, index) => [
        ...tooLong(
          `${path}.options[${index}].text`,
          textOf(isObject(option) ? option.text : undefined),
          LIMITS.optionText,
        ),
        ...(isObject(option) && typeof option.value === 'string'
          ? tooLong(`${path}.options[${index}].value`, option.value, LIMITS.optionValue)
          : []),
      ])
    : [];

// Every text object, wherever it sits: 1 to 3000 characters.
const textObjectViolations = (node: Json, path: string): string[] => {
  if ((node.type !== 'plain_text' && node.type !== 'mrkdwn') || typeof node.text !== 'string') {
    return [];
  }
  if (node.text.trim().length === 0) return [`${path}: empty text`];
  return tooLong(path, node.text, LIMITS.sectionText);
};

const walk = (value: unknown, path: string): string[] => {
  if (Array.isArray(value)) return value.flatMap((item, index) => walk(item, `${path}[${index}]`));
  if (!isObject(value)) return [];
  return [
    ...ruleViolations(value, path),
    ...fieldViolations(value, path),
    ...optionViolations(value, path),
    ...textObjectViolations(value, path),
    ...Object.entries(value).flatMap(([key, child]) => walk(child, `${path}.${key}`)),
  ];
};

/** Every limit the blocks break on the given surface; empty when Slack would accept them. */
export const blockKitViolations = (surface: Surface, blocks: readonly unknown[]): string[] => [
  ...tooMany('blocks', blocks, surface === 'message' ? LIMITS.messageBlocks : LIMITS.viewBlocks),
  ...walk(blocks, 'blocks'),
];

/** The view-level limits of a modal on top of its blocks' limits. */
export const modalViolations = (view: {
  readonly title: { readonly text: string };
  readonly submit?: { readonly text: string };
  readonly private_metadata?: string;
  readonly callback_id?: string;
  readonly blocks: readonly unknown[];
}): string[] => [
  ...tooLong('title', view.title.text, LIMITS.modalTitle),
  ...tooLong('submit', view.submit?.text, LIMITS.modalButton),
  ...tooLong('private_metadata', view.private_metadata, LIMITS.privateMetadata),
  ...tooLong('callback_id', view.callback_id, 255),
  ...blockKitViolations('modal', view.blocks),
];
