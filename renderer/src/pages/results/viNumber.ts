/** The grid, its paste and the forms read numbers with the one shared vi-VN parser. */
export { editableNumber, parseViCount, parseViDecimal, parseViPercent, type ParsedNumber } from '../../../../shared/format/viNumber';
