import { describe, it, expect } from 'vitest';
import { render } from '@testing-library/react';
import { hasUnsavedInput, setUnsavedInput, useUnsavedInput } from '../../../src/app/ui/unsavedInput.ts';

function Form({ dirty }: { dirty: boolean }) {
  useUnsavedInput('test-form', dirty);
  return null;
}

describe('unsaved input', () => {
  it('reports unsaved input while any form is dirty', () => {
    expect(hasUnsavedInput()).toBe(false);
    setUnsavedInput('a', true);
    setUnsavedInput('b', true);
    setUnsavedInput('a', false);
    expect(hasUnsavedInput()).toBe(true);
    setUnsavedInput('b', false);
    expect(hasUnsavedInput()).toBe(false);
  });

  it('follows a form component and clears when it goes away', () => {
    const { rerender, unmount } = render(<Form dirty={false} />);
    expect(hasUnsavedInput()).toBe(false);
    rerender(<Form dirty />);
    expect(hasUnsavedInput()).toBe(true);
    unmount();
    expect(hasUnsavedInput()).toBe(false);
  });
});
