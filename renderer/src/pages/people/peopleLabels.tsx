import { Tag } from 'antd';
import { PAYMENT_MODE_LABELS, PERSON_PRODUCT_LABELS, PERSON_STATUS_LABELS, SEX_LABELS, type PaymentMode, type PersonProduct, type PersonStatus, type Sex } from '../../../../shared/domain/people';
import { formatDate } from '../../../../shared/format/vi';

const STATUS_COLORS: Record<PersonStatus, string> = {
  NEW: 'default',
  CONTACTED: 'blue',
  CALLBACK: 'gold',
  AGREED: 'cyan',
  JOINED: 'green',
  REFUSED: 'red',
  UNREACHABLE: 'volcano',
};

export function StatusTag({ status }: { status: PersonStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} className="person-status">
      {PERSON_STATUS_LABELS[status]}
    </Tag>
  );
}

/** A birth date as lists give it: a full date, or only the year. */
export function formatBirth(value: string | null): string {
  if (!value) return '';
  return /^\d{4}$/.test(value) ? value : formatDate(value);
}

export function formatMonth(value: string | null): string {
  if (!value) return '';
  const [y, m] = value.split('-');
  return `${m}/${y}`;
}

export const productLabel = (p: PersonProduct | null) => (p ? PERSON_PRODUCT_LABELS[p] : '');
export const paymentLabel = (m: PaymentMode | null) => (m ? PAYMENT_MODE_LABELS[m] : '');
export const sexLabel = (s: Sex | null) => (s ? SEX_LABELS[s] : '');
