export * from './document-spec';
export * from './pdf-render.util';
export * from './xlsx-render.util';
export * from './content-disposition.util';
export { CJK_FONT_NAMES } from './cjk-font.util';
