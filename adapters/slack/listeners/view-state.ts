import type { ViewOutput } from '@slack/bolt';
import { z } from 'zod';
import type { InputRef } from '../render/modal-inputs.js';

type StateValue = ViewOutput['state']['values'][string][string];

const valueOf = (state: StateValue | undefined): string | undefined => {
  if (!state) return undefined;
  if (typeof state.value === 'string') return state.value.trim() || undefined;
  if (state.selected_option?.value) return state.selected_option.value;
  if (typeof state.selected_user === 'string') return state.selected_user;
  return undefined;
};

/** Reads one input of a submitted modal; empty inputs read as undefined. */
export const readInput = (view: ViewOutput, ref: InputRef): string | undefined =>
  valueOf(view.state.values[ref.block]?.[ref.action]);

/** File ids from a `file_input` block. */
export const readFiles = (view: ViewOutput, ref: InputRef): string[] => {
  const state = view.state.values[ref.block]?.[ref.action] as
    { files?: { id?: string }[] } | undefined;
  return (state?.files ?? []).flatMap((file) => (file.id ? [file.id] : []));
};

const metadataSchema = z.record(z.string(), z.string());

/** The private_metadata we wrote when opening the modal; {} when absent or foreign. */
export const readMetadata = (view: ViewOutput): Record<string, string> => {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(view.private_metadata || '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
};
