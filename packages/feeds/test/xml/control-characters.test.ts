import { describe, expect, it } from 'vitest';
import {
  hasControlCharacters,
  withoutControlCharacters,
} from '../../src/xml/control-characters.js';

describe('withoutControlCharacters', () => {
  it('takes out every control character but tab, newline and carriage return, and nothing else', () => {
    const wrong: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const unit = String.fromCharCode(code);
      const control = /\p{Cc}/u.test(unit) && !'\t\n\r'.includes(unit);
      if (withoutControlCharacters(`a${unit}b`) !== (control ? 'ab' : `a${unit}b`))
        wrong.push(code);
      if (hasControlCharacters(unit) !== control) wrong.push(code);
    }
    expect(wrong).toEqual([]);
  });
});
