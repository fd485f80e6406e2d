// Flags values that are implausible for their subject and place. The value is never changed.
import rules from '../data/plausibility.json' with { type: 'json' };

export interface Checkable {
  text: string;
  value: number;
  unit: string;
  subject?: string;
  location?: string;
}

const LEVEL_MAX = rules.moneyMaxByLevel as Record<string, number>;
const COUNT_MAX = rules.maxCount as Record<string, number>;

/** `/^[A-Z]{3}$/`: a currency code. */
function isCurrency(unit: string): boolean {
  if (unit.length !== 3) return false;
  for (let i = 0; i < 3; i++) {
    const c = unit.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** A reason when the value is implausible, else undefined. */
export function suspectReason(f: Checkable): string | undefined {
  // The subject is lower-cased only for the few percents over the maximum.
  if (f.unit === 'percent' && f.value > rules.percentMaxForRates) {
    const subject = (f.subject ?? '').toLowerCase();
    if (/tỷ lệ|tỉ lệ|phần trăm/.test(subject) && !/tăng|vượt|so với|đạt|kế hoạch|chỉ tiêu|dự toán/.test(subject)) {
      return `a rate of ${f.value}% is over 100%`;
    }
  }
  if (isCurrency(f.unit)) {
    // 1.218.000 triệu đồng: a million millions is how a thousands typo looks.
    const m = /^([\d.,]+)\s*(triệu|tr)/iu.exec(f.text);
    if (m) {
      const multiplicand = Number(m[1].replace(/\./g, '').replace(',', '.'));
      if (multiplicand >= rules.scaleWordMaxMultiplicand) return `${m[1]} ${m[2]}: a million ${m[2]} or more is almost certainly a typo`;
    }
    const level = (f.location ?? '').toLowerCase().match(/^(xã|phường|thị trấn|huyện|thị xã|quận|thành phố|tỉnh)/)?.[1];
    if (level && f.value > LEVEL_MAX[level]) return `${f.value} đồng is implausible for one ${level}`;
  }
  const max = COUNT_MAX[f.unit];
  if (max && f.value > max) return `${f.value} ${f.unit} is more than the country has`;
  return undefined;
}
