import type { ChangeEvent } from 'react';

/**
 * Hands the file just chosen in a file input to `send` (nothing when the
 * choice was cancelled), then empties the input so that choosing the same
 * file again is a change too.
 */
export async function sendChosenFile(event: ChangeEvent<HTMLInputElement>, send: (file: File) => Promise<unknown>): Promise<void> {
  const input = event.currentTarget;
  const file = input.files?.[0];
  if (!file) return;
  try {
    await send(file);
  } finally {
    input.value = '';
  }
}
