import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { changeLanguage, startI18n } from '../i18n/index.ts';
import { clearDraft, setUnsavedInput, writeDraft } from '../ui/draft.ts';
import { UpdateNotice } from './UpdateNotice.tsx';
import { resetUpdateStateForTests, setApplyUpdate, setUpdateState } from './updateState.ts';

beforeEach(async () => {
  resetUpdateStateForTests();
  await startI18n('en');
});
afterEach(() => {
  setUnsavedInput('checkin-note', false);
  clearDraft('checkin-note');
});

function newVersionWaits() {
  act(() => setUpdateState({ updateReady: true }));
}

describe('the update notice', () => {
  it('stays quiet until a new version waits, then offers Update without taking focus', () => {
    render(
      <>
        <label>
          Note <input />
        </label>
        <UpdateNotice />
      </>,
    );
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    const note = screen.getByRole('textbox', { name: 'Note' });
    note.focus();

    newVersionWaits();
    expect(screen.getByRole('status')).toHaveTextContent('A new version of the app is ready.');
    expect(screen.getByRole('button', { name: 'Update' })).toBeEnabled();
    expect(note).toHaveFocus();
  });

  it('only updates when the person presses Update', async () => {
    const update = vi.fn();
    setApplyUpdate(update);
    render(<UpdateNotice />);
    newVersionWaits();
    expect(update).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Update' }));
    expect(update).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Updating…' })).toBeDisabled();
  });

  it('tells the person their unsaved writing will be kept', () => {
    writeDraft('checkin-note', 'half a sentence');
    setUnsavedInput('checkin-note', true);
    render(<UpdateNotice />);
    newVersionWaits();
    expect(screen.getByRole('status')).toHaveTextContent('What you have written so far will be kept.');
  });

  it('does not promise to keep writing that is not kept', () => {
    setUnsavedInput('checkin-note', true);
    render(<UpdateNotice />);
    newVersionWaits();
    expect(screen.getByRole('status')).not.toHaveTextContent('written');
  });

  it('does not mention writing when nothing is unsaved', () => {
    render(<UpdateNotice />);
    newVersionWaits();
    expect(screen.getByRole('status')).not.toHaveTextContent('written');
  });

  it('says once that the app now works offline, and OK closes the note', async () => {
    render(<UpdateNotice />);
    act(() => setUpdateState({ offlineReady: true }));
    expect(screen.getByRole('status')).toHaveTextContent('Ready to work offline.');
    await userEvent.click(screen.getByRole('button', { name: 'OK' }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('speaks Arabic when the app does', async () => {
    await changeLanguage('ar');
    render(<UpdateNotice />);
    newVersionWaits();
    expect(screen.getByRole('button', { name: 'تحديث' })).toBeInTheDocument();
    await changeLanguage('en');
  });
});
