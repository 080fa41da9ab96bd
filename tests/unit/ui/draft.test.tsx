import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';

import { hasUnsavedInput, setUnsavedInput, useDraft, useUnsavedInput, writeDraft } from '../../../src/app/ui/draft.ts';

function Form({ dirty }: { dirty: boolean }) {
  useUnsavedInput('test-form', dirty);
  return null;
}

function NoteForm() {
  const note = useDraft('note-form', '');
  return (
    <>
      <label>Note <input value={note.value} onChange={(e) => note.set(e.target.value)} /></label>
      <button type="button" onClick={note.clear}>Save</button>
    </>
  );
}

beforeEach(() => sessionStorage.clear());

describe('drafts and unsaved input', () => {
  it('reports unsaved input only while a dirty form has its draft stored', () => {
    expect(hasUnsavedInput()).toBe(false);
    setUnsavedInput('a', true);
    // Dirty but nothing kept: the update notice must not promise to keep it.
    expect(hasUnsavedInput()).toBe(false);
    writeDraft('a', 'some words');
    expect(hasUnsavedInput()).toBe(true);
    setUnsavedInput('a', false);
    expect(hasUnsavedInput()).toBe(false);
  });

  it('follows a form component and clears when it goes away', () => {
    writeDraft('test-form', {});
    const { rerender, unmount } = render(<Form dirty={false} />);
    expect(hasUnsavedInput()).toBe(false);
    rerender(<Form dirty />);
    expect(hasUnsavedInput()).toBe(true);
    unmount();
    expect(hasUnsavedInput()).toBe(false);
  });

  it('keeps what is typed through a remount (a reload or an update) until it is saved', async () => {
    const first = render(<NoteForm />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Note' }), 'half a thought');
    expect(hasUnsavedInput()).toBe(true);
    first.unmount();

    render(<NoteForm />);
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue('half a thought');
    expect(hasUnsavedInput()).toBe(true);
    await act(async () => screen.getByRole('button', { name: 'Save' }).click());
    expect(hasUnsavedInput()).toBe(false);
    expect(sessionStorage.length).toBe(0);
  });
});
