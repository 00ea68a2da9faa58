import { create, Font } from 'fontkit';
import { CJK_FONT_NAMES, cjkFont } from './cjk-font.util';

/** The 6,763 hanzi of GB2312 (rows 16–87), decoded from their GB2312 codes. */
function gb2312Hanzi(): string[] {
  const decoder = new TextDecoder('gb2312');
  const hanzi: string[] = [];
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const ch = decoder.decode(new Uint8Array([row, cell]));
      const cp = ch.codePointAt(0) ?? 0;
      // Unassigned codes decode to U+FFFD or to the private use area.
      if (ch !== '\ufffd' && !(cp >= 0xe000 && cp <= 0xf8ff)) hanzi.push(ch);
    }
  }
  return hanzi;
}

describe('the embedded CJK font', () => {
  it.each(['regular', 'bold'] as const)('%s is a complete Noto Sans SC with every GB2312 hanzi', (weight) => {
    const font = create(cjkFont(weight)) as Font;
    expect(font.postscriptName).toBe(CJK_FONT_NAMES[weight]);
    const hanzi = gb2312Hanzi();
    expect(hanzi).toHaveLength(6763);
    expect(hanzi.filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0))).toEqual([]);
  });
});
