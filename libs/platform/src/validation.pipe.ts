import { ValidationError, ValidationPipe } from '@nestjs/common';
import { badRequest, Bilingual, FieldError } from './api-error';

/** Chinese and English wording of the class-validator constraints our DTOs use. */
const CONSTRAINTS: Record<string, (c: string) => Bilingual> = {
  isNotEmpty: () => ({ zh: '不能为空', en: 'must not be empty' }),
  isDefined: () => ({ zh: '必须填写', en: 'is required' }),
  isString: () => ({ zh: '必须是文字', en: 'must be text' }),
  isBoolean: () => ({ zh: '必须是“是”或“否”', en: 'must be true or false' }),
  isInt: () => ({ zh: '必须是整数', en: 'must be a whole number' }),
  isIn: () => ({ zh: '不是允许的取值', en: 'is not one of the allowed values' }),
  isEnum: () => ({ zh: '不是允许的取值', en: 'is not one of the allowed values' }),
  maxLength: (c) => ({ zh: `过长（${c}）`, en: `is too long (${c})` }),
  minLength: (c) => ({ zh: `过短（${c}）`, en: `is too short (${c})` }),
  matches: () => ({ zh: '格式不正确', en: 'has the wrong format' }),
  isMobilePhone: () => ({ zh: '不是有效的手机号码', en: 'is not a valid mobile phone number' }),
  isEmail: () => ({ zh: '不是有效的电子邮箱', en: 'is not a valid e-mail address' }),
  isDateString: () => ({ zh: '不是有效的日期', en: 'is not a valid date' }),
  // class-validator names the IsISO8601 constraint `isIso8601`.
  isIso8601: () => ({ zh: '不是有效的日期', en: 'is not a valid date' }),
  isIsoDay: () => ({ zh: '不是有效的日期（年-月-日）', en: 'is not a valid day (YYYY-MM-DD)' }),
  whitelistValidation: () => ({ zh: '是不允许的字段', en: 'is not an allowed field' }),
  isObject: () => ({ zh: '必须是对象', en: 'must be an object' }),
  arrayMaxSize: () => ({ zh: '项目过多', en: 'has too many items' }),
  arrayMinSize: () => ({ zh: '至少需要一项', en: 'needs at least one item' }),
  isNumber: () => ({ zh: '必须是数字', en: 'must be a number' }),
  min: (c) => ({ zh: `过小（${c}）`, en: `is too small (${c})` }),
  max: (c) => ({ zh: `过大（${c}）`, en: `is too large (${c})` }),
  isArray: () => ({ zh: '必须是列表', en: 'must be a list' }),
  isUuid: () => ({ zh: '不是有效的编号', en: 'is not a valid id' }),
};

/**
 * The Chinese name of a DTO field, taken from its OpenAPI description ("事由摘要 / summary"), so the
 * clerk reads 事由摘要 rather than `summary`; the field path itself stays in `field`.
 */
function chineseLabel(target: object | undefined, property: string): string | undefined {
  if (!target) return undefined;
  const meta = Reflect.getMetadata('swagger/apiModelProperties', Object.getPrototypeOf(target), property) as
    | { description?: string }
    | undefined;
  const zh = meta?.description?.split(' / ')[0]?.trim();
  return zh && /[\u4e00-\u9fff]/.test(zh) ? zh : undefined;
}

export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const label = chineseLabel(error.target, error.property) ?? field;
    const own = Object.entries(error.constraints ?? {}).map(([name, text]) => {
      const wording = CONSTRAINTS[name]?.(text) ?? { zh: `不符合要求（${text}）`, en: text };
      return { field, zh: `${label}：${wording.zh}`, en: `${field} ${wording.en}` };
    });
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** Rejects unknown fields and wrong types with field-level errors in both languages. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      badRequest(
        { zh: '提交的内容有误，请按提示修改。', en: 'The submission has errors; please correct them.' },
        toFieldErrors(errors),
      ),
  });
}
